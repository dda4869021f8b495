import type { SpanRef } from '../model/span-ref.ts';
import type { RunData, TraceView, ViewHost } from './view-types.ts';

/**
 * A tab that lists what a run produced (console lines, problems): it draws when a run arrives
 * while it is shown, or when it is next shown, and has no diagram to follow the selection or
 * the theme.
 */
export abstract class ListView implements TraceView {
  protected readonly host: ViewHost;
  protected readonly root: HTMLElement;
  protected run: RunData | null = null;
  #dirty = true;
  readonly #visible: () => boolean;

  constructor(host: ViewHost, root: HTMLElement, visible: () => boolean) {
    this.host = host;
    this.root = root;
    this.#visible = visible;
  }

  /** Takes a new run. */
  setRun(run: RunData | null): void {
    this.run = run;
    this.#dirty = true;
    if (this.#visible()) this.shown();
  }

  /** Draws if a run arrived while hidden. */
  shown(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    this.draw();
  }

  /** A list follows no selection. */
  selectionChanged(_selected: SpanRef | null, _reveal: boolean): void {}

  /** Nothing in a list depends on the theme. */
  themeChanged(): void {}

  /** Renders the current run into `root`. */
  protected abstract draw(): void;
}

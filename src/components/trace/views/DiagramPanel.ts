import { h } from '../dom/h.ts';
import { fitViewBox } from '../mermaid/fit-view-box.ts';
import { flaggedSpans } from '../model/problems.ts';
import type { SpanRef } from '../model/span-ref.ts';
import type { DiagramSelection, Reveal } from './diagram-items.ts';
import { notice } from './span-bits.ts';
import { SpanTable } from './SpanTable.ts';
import type { RunData, TraceView, ViewHost } from './view-types.ts';

/** A piece of what a diagram panel draws: its nodes, and the selectable spans in them. */
export interface DiagramContent {
  nodes: Node[];
  selections: DiagramSelection[];
  /** Replaces what was drawn so far instead of adding to it. */
  replace?: boolean;
  /**
   * What drew it, set on the panel as `data-renderer` (a piece without nodes just changes it):
   * `svg-first` for a drawing shown while a better one loads, `mermaid`, `svg` (our own, to stay).
   */
  renderer?: 'svg-first' | 'mermaid' | 'svg';
}

/**
 * A tab that draws a diagram of the run: lazily (only when shown), once per run and theme, piece
 * by piece (the previous drawing stays until the first piece of the new one is ready), and — when
 * drawing fails — saying why and listing the spans in a table, never an error box or a blank panel.
 */
export abstract class DiagramPanel implements TraceView {
  protected readonly host: ViewHost;
  protected readonly root: HTMLElement;
  readonly #visible: () => boolean;
  #run: RunData | null = null;
  #dirty = true;
  #generation = 0;
  #selections: DiagramSelection[] = [];
  #fallback: SpanTable | null = null;
  /** The latest drawing, settled (for tests and measurements). */
  drawn: Promise<void> = Promise.resolve();
  /** Whether the drawing is laid out for the panel's width, and is redrawn when that changes much. */
  protected followsWidth = false;
  #drawnWidth = 0;
  #resizeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ViewHost, root: HTMLElement, visible: () => boolean) {
    this.host = host;
    this.root = root;
    this.#visible = visible;
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => this.#resized()).observe(root);
  }

  /** What the panel draws, in words ("the waterfall"). */
  protected abstract readonly what: string;

  /** Builds the drawing of a run with spans, piece by piece; `stale()` turns true when it is no longer wanted. */
  protected abstract build(run: RunData, stale: () => boolean): AsyncGenerator<DiagramContent>;

  /** Takes a new run; draws now only if shown. */
  setRun(run: RunData | null): void {
    this.#run = run;
    this.#dirty = true;
    if (this.#visible()) this.#start();
  }

  /** Draws what is pending, or shows the selected span in what is drawn. */
  shown(): void {
    if (this.#dirty) this.#start();
    else this.#markAll(this.#selections, 'within');
  }

  /** Redraws in the new theme (now if shown, else when next shown). */
  themeChanged(): void {
    this.#dirty = true;
    if (this.#visible()) this.#start();
  }

  /** Highlights the selected span in the drawing. */
  selectionChanged(selected: SpanRef | null, reveal: boolean): void {
    const shown = reveal && this.#visible();
    for (const selection of this.#selections) selection.mark(selected, shown ? 'page' : 'none');
    this.#fallback?.selectionChanged(selected, shown);
  }

  /** The run's problems changed (findings given after the run): marks the flagged spans again, without a redraw. */
  problemsChanged(): void {
    const flags = flaggedSpans(this.#run?.problems ?? []);
    for (const selection of this.#selections) selection.flag(flags);
  }

  #start(): void {
    this.#drawnWidth = this.root.clientWidth;
    this.drawn = this.#draw();
  }

  #resized(): void {
    const width = this.root.clientWidth;
    if (
      !this.followsWidth ||
      !this.#visible() ||
      width === 0 ||
      this.#drawnWidth === 0 ||
      Math.abs(width - this.#drawnWidth) < this.#drawnWidth * 0.15
    )
      return;
    clearTimeout(this.#resizeTimer);
    this.#resizeTimer = setTimeout(() => this.themeChanged(), 250);
  }

  async #draw(): Promise<void> {
    this.#dirty = false;
    const generation = (this.#generation += 1);
    const stale = (): boolean => generation !== this.#generation;
    const run = this.#run;
    if (run === null || run.index.spans.length === 0) {
      const { errors = [], limits = [], console: lines = [] } = run?.result ?? {};
      const text =
        run === null
          ? 'No run yet.'
          : errors.length + limits.length + lines.length === 0
            ? 'This run has no spans: the code ran to the end without starting one.'
            : 'This run has no spans. See Problems and Console for what happened.';
      this.#show({ nodes: [notice(text)], selections: [] });
      return;
    }
    if (this.root.childElementCount === 0) this.root.append(notice(`Drawing ${this.what}…`, 'status'));
    this.root.setAttribute('aria-busy', 'true');
    try {
      let first = true;
      for await (const content of this.build(run, stale)) {
        if (stale()) return;
        if (first || content.replace === true) this.#show(content);
        else this.#add(content);
        first = false;
      }
    } catch (error) {
      if (!stale()) this.#showFailure(run, error);
    } finally {
      if (!stale()) this.root.removeAttribute('aria-busy');
    }
  }

  #show(content: DiagramContent): void {
    this.#dispose();
    if (content.renderer === undefined) delete this.root.dataset['renderer'];
    else this.root.dataset['renderer'] = content.renderer;
    this.#selections = content.selections;
    this.root.replaceChildren(...content.nodes);
    fitDiagrams(content.nodes);
    this.#markAll(this.#selections, 'within');
  }

  #markAll(selections: readonly DiagramSelection[], reveal: Reveal): void {
    for (const selection of selections) selection.mark(this.host.selection.selected, reveal);
  }

  #add(content: DiagramContent): void {
    if (content.renderer !== undefined) this.root.dataset['renderer'] = content.renderer;
    this.#selections.push(...content.selections);
    this.root.append(...content.nodes);
    fitDiagrams(content.nodes);
    this.#markAll(content.selections, 'within');
  }

  #showFailure(run: RunData, error: unknown): void {
    const raw = error instanceof Error ? error.message : String(error);
    const message = /[.!?]$/.test(raw.trim()) ? raw.trim() : `${raw.trim()}.`;
    const holder = h('div', { class: 'tv-fallback' });
    this.#show({
      nodes: [
        h(
          'p',
          { class: 'tv-notice tv-failure', role: 'status' },
          `${capitalise(this.what)} could not be drawn: ${message} The spans are listed below instead.`,
        ),
        holder,
      ],
      selections: [],
    });
    this.#fallback = new SpanTable(this.host, holder, this.#visible);
    this.#fallback.setRun(run);
  }

  #dispose(): void {
    for (const selection of this.#selections) selection.dispose();
    this.#selections = [];
    this.#fallback = null;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Fits each Mermaid drawing among `nodes` to its content, now that it is in the page. */
function fitDiagrams(nodes: readonly Node[]): void {
  for (const node of nodes) {
    if (node instanceof Element)
      for (const svg of node.querySelectorAll('svg[data-fit]')) fitViewBox(svg as SVGSVGElement);
  }
}

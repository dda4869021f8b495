import type { RunResult } from '@spanlab/engine';
import type { Problem } from '../model/problems.ts';
import type { RunIndex } from '../model/RunIndex.ts';
import type { SelectionStore } from '../model/SelectionStore.ts';
import type { SpanRef } from '../model/span-ref.ts';

/** A run as the views see it: the result, its index and its problems. */
export interface RunData {
  result: RunResult;
  index: RunIndex;
  problems: Problem[];
}

/** What a view may ask of the element that holds it. */
export interface ViewHost {
  readonly selection: SelectionStore;
  /** The reader picked a span in a view: select it, open its details, tell the page. */
  pick(ref: SpanRef): void;
  /** The reader picked a place in the source (a problem's line and column). */
  pickLocation(line: number, column: number): void;
  /** Whether the page is dark. */
  dark(): boolean;
  /** A span name whose trace the waterfall puts first (the `focus` attribute), or null. */
  focus?(): string | null;
}

/** One view in a tab panel. */
export interface TraceView {
  /** Takes a new run (or none); draws now only if shown. */
  setRun(run: RunData | null): void;
  /** Its panel became visible: draw what is pending. */
  shown(): void;
  /** The selection changed; `reveal` scrolls the selected span into view. */
  selectionChanged(selected: SpanRef | null, reveal: boolean): void;
  /** The page switched between light and dark. */
  themeChanged(): void;
  /** The run's problems changed without a new run (findings set later); views that mark them mark again. */
  problemsChanged?(): void;
}

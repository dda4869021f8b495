import { sameSpan, type SpanRef } from './span-ref.ts';

/** Called with the newly selected span, or null when the selection is cleared. */
export type SelectionListener = (selected: SpanRef | null) => void;

/** The span selected across the views: one value, and listeners told when it changes. */
export class SelectionStore {
  #selected: SpanRef | null = null;
  readonly #listeners = new Set<SelectionListener>();

  /** The selected span, or null. */
  get selected(): SpanRef | null {
    return this.#selected;
  }

  /** Selects a span (null clears); tells the listeners only when the selection changed. Returns whether it did. */
  select(ref: SpanRef | null): boolean {
    if (ref === this.#selected || sameSpan(ref, this.#selected)) return false;
    this.#selected = ref === null ? null : { traceId: ref.traceId, spanId: ref.spanId };
    for (const listener of [...this.#listeners]) listener(this.#selected);
    return true;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: SelectionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

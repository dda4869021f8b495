import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { fromReadableSpan } from '../trace/from-readable-span.ts';
import type { RunEvent } from './protocol.ts';

/**
 * A span processor that reports each span as it ends, as a plain record, and — at each step of
 * the run — the spans still open, so a run the host has to stop still lists them.
 */
export class SpanCollector implements SpanProcessor {
  readonly #emit: (event: RunEvent) => void;
  readonly #order = new WeakMap<Span | ReadableSpan, number>();
  // Links the span had when it started: the SDK adds start links before it calls onStart.
  readonly #linksAtStart = new WeakMap<Span | ReadableSpan, number>();
  #started = 0;
  #open = 0;
  // A set, left as each span ends: an ended span is not kept alive until the step ends.
  #startedSinceReport = new Set<ReadableSpan>();

  readonly #notRecorded: () => boolean;

  /** `notRecorded` says whether the span starting now is one the head sampler would not record (RunSampler). */
  constructor(emit: (event: RunEvent) => void, notRecorded: () => boolean = () => false) {
    this.#emit = emit;
    this.#notRecorded = notRecorded;
  }

  onStart(span: Span, _parentContext: Context): void {
    // Recorded only for the run's views: to the scenario it is the non-recording span the SDK would give.
    if (this.#notRecorded()) span.isRecording = () => false;
    this.#order.set(span, this.#started++);
    // Every link given at the start: those kept, and those the SDK's limit already dropped.
    this.#linksAtStart.set(span, span.links.length + span.droppedLinksCount);
    this.#open += 1;
    this.#startedSinceReport.add(span);
  }

  onEnd(span: ReadableSpan): void {
    this.#open -= 1;
    this.#startedSinceReport.delete(span);
    this.#emit({
      type: 'span-end',
      span: fromReadableSpan(span, true, this.#linksAtStart.get(span)),
      order: this.#order.get(span) ?? -1,
    });
  }

  /** Reports the spans started since the last report that are still open. */
  reportOpen(): void {
    for (const span of this.#startedSinceReport) {
      this.#emit({ type: 'span-start', span: fromReadableSpan(span, false), order: this.#order.get(span) ?? -1 });
    }
    this.#startedSinceReport.clear();
  }

  /** How many spans were started and never ended. */
  get openCount(): number {
    return this.#open;
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

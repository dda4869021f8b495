import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { fromReadableSpan } from '../trace/from-readable-span.ts';
import type { RunEvent } from './protocol.ts';

/** A span processor that reports each span as it starts and as it ends, as plain records. */
export class SpanCollector implements SpanProcessor {
  readonly #emit: (event: RunEvent) => void;
  readonly #open = new Set<string>();

  constructor(emit: (event: RunEvent) => void) {
    this.#emit = emit;
  }

  onStart(span: Span, _parentContext: Context): void {
    this.#open.add(span.spanContext().spanId);
    this.#emit({ type: 'span-start', span: fromReadableSpan(span, false) });
  }

  onEnd(span: ReadableSpan): void {
    this.#open.delete(span.spanContext().spanId);
    this.#emit({ type: 'span-end', span: fromReadableSpan(span, true) });
  }

  /** How many spans were started and never ended. */
  get openCount(): number {
    return this.#open.size;
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

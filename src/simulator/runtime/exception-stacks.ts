import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SourcePositions } from '../compile/source-position.ts';

/** The attribute of an `exception` event that holds the stack trace (semantic conventions). */
const STACKTRACE = 'exception.stacktrace';

/**
 * Puts the stack traces of `exception` events in the scenario's terms as each span ends, before
 * the collector reads it: frames at the scenario's file, line and column (through the source
 * map), not at the sandbox's generated code or the page's `blob:` URLs. Runs first among the
 * span processors.
 */
export class ExceptionStacks implements SpanProcessor {
  readonly #positions: SourcePositions;
  readonly #fileName: string;

  constructor(positions: SourcePositions, fileName: string) {
    this.#positions = positions;
    this.#fileName = fileName;
  }

  onStart(_span: Span, _context: Context): void {}

  onEnd(span: ReadableSpan): void {
    for (const event of span.events) {
      const stack = event.attributes?.[STACKTRACE];
      if (event.name !== 'exception' || typeof stack !== 'string' || event.attributes === undefined) continue;
      try {
        // The SDK keeps the event's attributes in a plain object of its own; this is the span's last change.
        (event.attributes as Record<string, unknown>)[STACKTRACE] = this.#positions.rewriteStack(stack, this.#fileName);
      } catch {
        // An odd stack stays as it was.
      }
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

import type { ConsoleEntry, LimitHit, RunError, RunResult, RunStats, SpanRecord } from '../trace/model.ts';
import type { RunEvent } from './protocol.ts';
import { EPOCH_MS } from './epoch.ts';
import { spanKey } from '../trace/span-key.ts';

/**
 * Builds a RunResult from the events a run reports, on the host side — so a run that had to be
 * stopped (an endless loop, a crash) still shows every span that ended before it and lists the
 * ones it left open.
 */
export class RunAccumulator {
  readonly #spans = new Map<string, { span: SpanRecord; order: number }>();
  readonly #console: ConsoleEntry[] = [];
  readonly #errors: RunError[] = [];
  readonly #limits: LimitHit[] = [];
  #stats: Omit<RunStats, 'spansKept'> | undefined;
  readonly #seed: number;

  constructor(seed: number) {
    this.#seed = seed;
  }

  /** Takes in one event. */
  add(event: RunEvent): void {
    switch (event.type) {
      case 'span-start':
      case 'span-end':
        // Keyed by trace and span id: a span id may repeat across traces in a hand-made context.
        this.#spans.set(spanKey(event.span.traceId, event.span.spanId), { span: event.span, order: event.order });
        break;
      case 'console':
        this.#console.push(event.entry);
        break;
      case 'error':
        this.#errors.push(event.error);
        break;
      case 'limit':
        this.#limits.push(event.hit);
        break;
      case 'done':
        this.#stats = event.stats;
        break;
    }
  }

  /** Records an error the host itself saw (a crash, a failure to start). */
  addError(error: RunError): void {
    this.#errors.push(error);
  }

  /** Records a limit the host enforced (the wall-clock budget). */
  addLimit(hit: LimitHit): void {
    this.#limits.push(hit);
  }

  /** Whether a limit of that name was hit. */
  hasLimit(limit: LimitHit['limit']): boolean {
    return this.#limits.some((hit) => hit.limit === limit);
  }

  /** Whether the run reported its end. */
  get finished(): boolean {
    return this.#stats !== undefined;
  }

  /** The result so far; `fallback` fills the stats of a run that never reported its end. */
  result(fallback: { wallMs: number }): RunResult {
    const spans = [...this.#spans.values()].sort((a, b) => a.order - b.order).map((entry) => entry.span);
    const stats: RunStats = {
      virtualMs: this.#stats?.virtualMs ?? lastTime(spans),
      wallMs: this.#stats?.wallMs ?? fallback.wallMs,
      spansStarted: this.#stats?.spansStarted ?? spans.length,
      spansDropped: this.#stats?.spansDropped ?? 0,
      consoleDropped: this.#stats?.consoleDropped ?? 0,
      spansKept: spans.length,
    };
    return {
      spans,
      console: [...this.#console],
      errors: [...this.#errors],
      limits: [...this.#limits],
      stats,
      seed: this.#seed,
    };
  }
}

function lastTime(spans: readonly SpanRecord[]): number {
  let last = EPOCH_MS;
  for (const span of spans) last = Math.max(last, span.end ?? span.start);
  return last - EPOCH_MS;
}

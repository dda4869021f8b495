import type { ConsoleEntry, LimitHit, RunError, RunResult, RunStats, SpanRecord } from '../trace/model.ts';
import type { RunEvent, RunOptions } from './protocol.ts';
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
  #stats: Omit<RunStats, 'spansKept' | 'spansUnsampled'> | undefined;
  readonly #seed: number;
  readonly #settings: Partial<Pick<RunOptions, 'context' | 'sampler'>>;

  /** `settings`: the run's context mode and sampler, which the result names when not the defaults. */
  constructor(seed: number, settings: Partial<Pick<RunOptions, 'context' | 'sampler'>> = {}) {
    this.#seed = seed;
    this.#settings = settings;
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
    const spans: SpanRecord[] = [];
    const unsampled: SpanRecord[] = [];
    for (const { span } of [...this.#spans.values()].sort((a, b) => a.order - b.order)) {
      (span.sampled === false ? unsampled : spans).push(span);
    }
    const stats: RunStats = {
      virtualMs: this.#stats?.virtualMs ?? lastTime([...spans, ...unsampled]),
      wallMs: this.#stats?.wallMs ?? fallback.wallMs,
      spansStarted: this.#stats?.spansStarted ?? spans.length + unsampled.length,
      spansDropped: this.#stats?.spansDropped ?? 0,
      consoleDropped: this.#stats?.consoleDropped ?? 0,
      spansKept: spans.length,
    };
    const result: RunResult = {
      spans,
      console: [...this.#console],
      errors: [...this.#errors],
      limits: [...this.#limits],
      stats,
      seed: this.#seed,
    };
    // Named only when they say something, so a default run's result is what it always was.
    if (unsampled.length > 0) {
      result.unsampledSpans = unsampled;
      stats.spansUnsampled = unsampled.length;
    }
    if (this.#settings.context !== undefined && this.#settings.context !== 'async')
      result.context = this.#settings.context;
    if (this.#settings.sampler !== undefined) result.sampler = this.#settings.sampler;
    return result;
  }
}

function lastTime(spans: readonly SpanRecord[]): number {
  let last = EPOCH_MS;
  for (const span of spans) last = Math.max(last, span.end ?? span.start);
  return last - EPOCH_MS;
}

/** Runs for the views' tests: a span factory, a run wrapper, and a small run with links across traces. */
import type { RunResult, SpanRecord } from '@spanlab/engine';

const AT = 1_735_689_600_000;

/** A span with plain defaults (an ended internal root span of service "app"), overridden by `fields`. */
export function makeSpan(fields: Partial<SpanRecord> & Pick<SpanRecord, 'traceId' | 'spanId'>): SpanRecord {
  return {
    parentSpanId: null,
    name: 'work',
    kind: 'internal',
    service: 'app',
    scope: { name: 'test' },
    start: AT,
    end: AT + 1,
    attributes: {},
    events: [],
    links: [],
    status: { code: 'unset' },
    dropped: { attributes: 0, events: 0, links: 0 },
    resource: { 'service.name': fields.service ?? 'app' },
    ...fields,
  };
}

/** A RunResult holding `spans` and nothing wrong, overridden by `fields`. */
export function makeRun(spans: SpanRecord[], fields: Partial<RunResult> = {}): RunResult {
  return {
    spans,
    console: [],
    errors: [],
    limits: [],
    stats: {
      virtualMs: 40,
      wallMs: 5,
      spansStarted: spans.length,
      spansKept: spans.length,
      spansDropped: 0,
      consoleDropped: 0,
    },
    seed: 1,
    ...fields,
  };
}

/** Trace ids of `batchRun`. */
export const T1 = '11111111111111111111111111111111';
export const T2 = '22222222222222222222222222222222';
export const T3 = '33333333333333333333333333333333';

/**
 * A batch consumer: two producers (traces T1, T2), a batch span in T3 linked to both with
 * `messaging.message.id`, a child per message, one of them failing, and one never ended.
 */
export function batchRun(): RunResult {
  return makeRun([
    makeSpan({
      traceId: T1,
      spanId: 'a000000000000001',
      name: 'send orders',
      service: 'shop',
      kind: 'producer',
      start: AT,
      end: AT,
    }),
    makeSpan({
      traceId: T2,
      spanId: 'b000000000000001',
      name: 'send orders',
      service: 'shop',
      kind: 'producer',
      start: AT + 1,
      end: AT + 1,
    }),
    makeSpan({
      traceId: T3,
      spanId: 'c000000000000001',
      name: 'process batch',
      service: 'worker',
      kind: 'consumer',
      start: AT + 5,
      end: AT + 20,
      links: [
        { traceId: T1, spanId: 'a000000000000001', attributes: { 'messaging.message.id': 'm1' } },
        { traceId: T2, spanId: 'b000000000000001', attributes: { 'messaging.message.id': 'm2' } },
        { traceId: T1, spanId: 'ffffffffffffffff', attributes: {} },
      ],
    }),
    makeSpan({
      traceId: T3,
      spanId: 'c000000000000002',
      parentSpanId: 'c000000000000001',
      name: 'process m1',
      service: 'worker',
      start: AT + 5,
      end: AT + 10,
    }),
    makeSpan({
      traceId: T3,
      spanId: 'c000000000000003',
      parentSpanId: 'c000000000000001',
      name: 'process m2',
      service: 'worker',
      start: AT + 10,
      end: null,
      status: { code: 'error', message: 'poison message' },
    }),
  ]);
}

/** `batchRun` as a ratio sampler might leave it: trace T2 not kept, so the batch's link to it dangles. */
export function sampledBatchRun(): RunResult {
  const run = batchRun();
  const unsampled = run.spans
    .filter((span) => span.traceId === T2)
    .map((span) => ({ ...span, sampled: false as const }));
  const spans = run.spans.filter((span) => span.traceId !== T2);
  return {
    ...run,
    spans,
    unsampledSpans: unsampled,
    sampler: 'ratio:0.5',
    stats: { ...run.stats, spansKept: spans.length, spansUnsampled: unsampled.length },
  };
}

import { describe, expect, it } from 'vitest';
import { runScenario } from '@spanlab/engine/node';
import { readStoredRun, STORED_RUN_VERSION, storedRunText } from './stored-run.ts';

const CODE = `import { context, trace } from '@opentelemetry/api';
const tracer = trace.getTracer('t');
const first = tracer.startSpan('first');
tracer.startSpan('second', { links: [{ context: first.spanContext(), attributes: { why: 'batch' } }] }, context.active()).end();
first.end();
console.log('done');
`;

describe('stored runs', () => {
  it('read back exactly what a real run stored, with a sampler, unsampled spans and errors', async () => {
    const result = await runScenario(`${CODE}throw new Error('after the spans');\n`, { sampler: 'ratio:0.5', seed: 3 });
    expect([result.spans.length, result.unsampledSpans?.length, result.errors.length]).toEqual([1, 1, 1]);
    const read = readStoredRun(storedRunText(result));
    expect(read).toEqual({ ok: true, result });
  });

  it('drop a run stored before runs had a version, saying why', async () => {
    const result = await runScenario(CODE);
    expect(readStoredRun(JSON.stringify(result))).toEqual({
      ok: false,
      reason: 'it was saved by an older version of Span Lab',
    });
  });

  it('drop a run whose fields were tampered with, naming the field', async () => {
    const result = await runScenario(CODE);
    const tampered = { ...result, spans: [{ ...result.spans[0], traceId: '<img src=x>' }] };
    const read = readStoredRun(JSON.stringify({ version: STORED_RUN_VERSION, result: tampered }));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toMatch(/^it has the wrong shape \(spans\.0\.traceId: /);
  });

  it('drop text that is not JSON, or a foreign value, without throwing', () => {
    expect(readStoredRun('{"version":')).toEqual({ ok: false, reason: 'it is not valid JSON' });
    expect(readStoredRun('null')).toEqual({ ok: false, reason: 'it was saved by an older version of Span Lab' });
    expect(readStoredRun(JSON.stringify({ version: STORED_RUN_VERSION, result: { spans: 'x' } })).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { RunIndex } from './model/RunIndex.ts';
import { runSummary } from './run-summary.ts';
import { sampledBatchRun, T3 } from './test-runs.ts';

const summary = (result: ReturnType<typeof sampledBatchRun>) =>
  runSummary({ result, index: new RunIndex(result.spans, result.unsampledSpans), problems: [] });

describe('runSummary', () => {
  it('counts the links that dangle on a span not kept', () => {
    expect(summary(sampledBatchRun())).toContain('1 link dangles (its target was not exported).');
  });

  it('says which dangling links point at a span never ended, which the views do not mark as dangling', () => {
    const run = sampledBatchRun();
    // A second link of the batch, to its child that never ended: not exported either, for another reason.
    const batch = run.spans.find((span) => span.name === 'process batch');
    batch?.links.push({ traceId: T3, spanId: 'c000000000000003', attributes: {} });
    expect(summary(run)).toContain('2 links dangle (their targets were not exported: 1 not kept, 1 never ended).');
  });

  it('says no word of dangling links when the spans dropped had none pointing at them', () => {
    const run = sampledBatchRun();
    for (const span of run.spans) span.links.length = 0;
    const text = summary(run);
    expect(text).toMatch(/dropped by the sampler \(never exported\)\./);
    expect(text).not.toContain('dangle');
  });
});

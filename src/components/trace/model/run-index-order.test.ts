import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLinkGraph, buildWaterfall, type SpanRecord } from '@spanlab/engine';
import { batchRun, makeSpan } from '../test-runs.ts';
import { RunIndex } from './RunIndex.ts';

/** Each gantt row's task id (`t<trace>s<row>`) and the span name (`n<i>`) it shows, in drawing order. */
function ganttRows(spans: SpanRecord[]): { trace: number; row: number; name: string }[] {
  return buildWaterfall(spans)
    .text.split('\n')
    .map((line) => /› (n\d+)\b.*[:,] t(\d+)s(\d+), \d+, \d+$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ trace: Number(match[2]), row: Number(match[3]), name: match[1] ?? '' }));
}

/** Checks that every gantt row names the span the index has at that trace and row. */
function expectSameRows(spans: SpanRecord[], index: RunIndex): void {
  const rows = ganttRows(spans);
  for (const { trace, row, name } of rows) expect(index.traces[trace]?.spans[row]?.span.name).toBe(name);
  expect(new Set(rows.map((row) => row.trace)).size).toBe(index.traces.length);
}

/** The span names of the link graph's nodes `s0, s1 …`, in id order. */
function graphNames(spans: SpanRecord[]): string[] {
  const names: string[] = [];
  for (const line of buildLinkGraph(spans, { maxEdges: 100_000, maxTextSize: 10_000_000 }).text.split('\n')) {
    const match = /^\s+s(\d+)\[.*› (n\d+)/.exec(line);
    if (match) names[Number(match[1])] = match[2] ?? '';
  }
  return names;
}

/** Random runs: a few traces, parents chosen among earlier spans (or absent, or self), colliding start times. */
const randomSpans = fc
  .array(
    fc.record({
      trace: fc.nat(2),
      parent: fc.option(fc.nat(30)),
      start: fc.nat(5),
      length: fc.nat(5),
      open: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map((row, i) =>
      makeSpan({
        traceId: `${String(row.trace)}`.repeat(32),
        spanId: i.toString(16).padStart(16, '0'),
        parentSpanId: row.parent === null ? null : row.parent.toString(16).padStart(16, '0'),
        name: `n${String(i)}`,
        start: row.start,
        end: row.open ? null : row.start + row.length,
      }),
    ),
  );

describe('the views number spans as the engine does', () => {
  it('for a batch run', () => {
    const { spans } = batchRun();
    const named = spans.map((span, i) => ({ ...span, name: `n${String(i)}` }));
    const index = new RunIndex(named);
    expectSameRows(named, index);
    expect(ganttRows(named)).toHaveLength(named.length);
    expect(graphNames(named)).toEqual(index.spans.map((entry) => entry.span.name));
  });

  it('for random trees, with ties, missing parents and cycles', () => {
    fc.assert(
      fc.property(randomSpans, (spans) => {
        const index = new RunIndex(spans);
        expectSameRows(spans, index);
        expect(graphNames(spans)).toEqual(index.spans.map((entry) => entry.span.name));
        index.traces.forEach((trace) => trace.spans.forEach((entry, row) => expect(entry.row).toBe(row)));
      }),
      { numRuns: 200 },
    );
  });
});

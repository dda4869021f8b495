import { describe, expect, it } from 'vitest';
import { batchWithLinks, makeSpan, smallTree } from './fixtures.ts';
import { buildWaterfalls, toWaterfall } from './waterfall.ts';

const TRACE = 'abcdef0123456789abcdef0123456789';

describe('buildWaterfalls', () => {
  it('draws a small tree as a gantt chart in tree order', () => {
    const [chart] = buildWaterfalls(smallTree());
    expect(chart?.truncated).toBe(false);
    expect(chart?.text).toMatchInlineSnapshot(`
      "gantt
          dateFormat x
          axisFormat %Q ms
          todayMarker off
          section trace 4bf92f35…
          #102;rontend › GET /checkout: s0, 0, 120
          · checkout › POST /orders: s1, 10, 100
          · · payments › charge card (error): crit, s2, 20, 60
          · · checkout › publish (never ended): active, s3, 70, 120
          · frontend › render: s4, 101, 119"
    `);
  });

  it('draws one chart per trace, in order of their first span', () => {
    const charts = buildWaterfalls(batchWithLinks());
    expect(charts.map((chart) => [chart.traceId.slice(0, 2), chart.shown, chart.total])).toEqual([
      ['11', 1, 1],
      ['22', 1, 1],
      ['33', 2, 2],
    ]);
    expect(charts[2]?.text).toMatchInlineSnapshot(`
      "gantt
          dateFormat x
          axisFormat %Q ms
          todayMarker off
          section trace 33333333…
          #98;illing › orders process: s0, 0, 20
          · billing › charge: s1, 2, 10"
    `);
  });

  it('shows depth past eight levels as a number', () => {
    const spans = Array.from({ length: 12 }, (_, i) =>
      makeSpan({
        traceId: TRACE,
        spanId: `s${String(i)}`,
        parentSpanId: i === 0 ? null : `s${String(i - 1)}`,
        start: i,
        end: 20,
      }),
    );
    const lines = buildWaterfalls(spans)[0]?.text.split('\n') ?? [];
    expect(lines.at(-1)).toBe('    · · · · · · · ·11 app › work: s11, 11, 20');
  });

  it('keeps a chart within maxTextSize, saying how many rows it shows', () => {
    const spans = Array.from({ length: 40 }, (_, i) =>
      makeSpan({ traceId: TRACE, spanId: `s${String(i)}`, name: `step ${String(i)}`, start: i, end: i + 1 }),
    );
    const [chart] = buildWaterfalls(spans, { maxTextSize: 1000 });
    expect(chart?.truncated).toBe(true);
    expect(chart?.total).toBe(40);
    expect(chart?.text.length).toBeLessThanOrEqual(1000);
    expect(chart?.text).toContain(`title Showing the first ${String(chart?.shown)} of 40 spans`);
    expect(chart?.text.split('\n').filter((line) => line.includes('pp › step'))).toHaveLength(chart?.shown ?? -1);
  });

  it('stays within 50,000 characters for 10,000 spans with long hostile names', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) =>
      makeSpan({ traceId: TRACE, spanId: `s${String(i)}`, name: '%%{init}%%'.repeat(50), start: i, end: i + 5 }),
    );
    const [chart] = buildWaterfalls(spans);
    expect(chart?.truncated).toBe(true);
    expect(chart?.text.length).toBeLessThanOrEqual(50_000);
    expect(chart?.shown).toBeGreaterThan(50);
  });

  it('handles a 10,000-deep chain without overflowing the stack', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) =>
      makeSpan({
        traceId: TRACE,
        spanId: `s${String(i)}`,
        parentSpanId: i === 0 ? null : `s${String(i - 1)}`,
        start: i,
        end: 10_000,
      }),
    );
    expect(buildWaterfalls(spans)[0]?.total).toBe(10_000);
  });
});

describe('toWaterfall', () => {
  it('joins the charts for the CLI, each after a comment naming its trace', () => {
    const text = toWaterfall(batchWithLinks());
    expect(text.split('\n').filter((line) => line.startsWith('%% trace '))).toEqual([
      '%% trace 11111111111111111111111111111111',
      '%% trace 22222222222222222222222222222222',
      '%% trace 33333333333333333333333333333333',
    ]);
    expect(text).toContain('\n\n%% trace 2222');
  });

  it('never echoes a malformed trace id into the comment', () => {
    const text = toWaterfall([makeSpan({ traceId: '%%{init: {}}%%\nx', spanId: '1' })]);
    expect(text.split('\n')[0]).toBe('%% trace ???init????????x');
  });
});

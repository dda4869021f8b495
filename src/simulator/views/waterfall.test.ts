import { describe, expect, it } from 'vitest';
import { batchNotKept, batchWithLinks, makeSpan, smallTree } from './fixtures.ts';
import { withNotKept } from '../trace/dangling-links.ts';
import { tickStep, buildWaterfall, toWaterfall } from './waterfall.ts';

const TRACE = 'abcdef0123456789abcdef0123456789';

describe('buildWaterfall', () => {
  it('draws a small tree in tree order, children under tree guides', () => {
    const chart = buildWaterfall(smallTree());
    expect(chart.truncated).toBe(false);
    expect(chart.text.replaceAll('#160;', '_')).toMatchInlineSnapshot(`
      "gantt
          dateFormat x
          axisFormat %Q ms
          tickInterval 50millisecond
          todayMarker off
          section trace 1
          #102;rontend › GET /checkout: t0s0, 0, 120
          ├─_checkout › POST /orders: t0s1, 10, 100
          │__├─_payments › charge card (error): crit, t0s2, 20, 60
          │__└─_checkout › publish (never ended): active, t0s3, 70, 120
          └─_frontend › render: t0s4, 101, 119"
    `);
  });

  it('puts every trace on one clock, each its own section, so the time between them shows', () => {
    const chart = buildWaterfall(batchWithLinks());
    expect(
      chart.sections.map((section) => [section.traceId.slice(0, 2), section.number, section.start, section.end]),
    ).toEqual([
      ['11', 1, 0, 2],
      ['22', 2, 5, 6],
      ['33', 3, 10, 30],
    ]);
    expect(chart.text.replaceAll('#160;', '_')).toMatchInlineSnapshot(`
      "gantt
          dateFormat x
          axisFormat %Q ms
          tickInterval 10millisecond
          todayMarker off
          section trace 1
          #111;rders › orders send: t0s0, 0, 2
          section trace 2
          #111;rders › orders send: t1s0, 5, 6
          section trace 3
          #98;illing › orders process: t2s0, 10, 30
          └─_billing › charge: t2s1, 12, 20"
    `);
  });

  it('puts first the traces holding the focused span, keeping their task ids and their numbers', () => {
    const chart = buildWaterfall(batchWithLinks(), { focus: 'orders process' });
    // Numbered by first span, as the link graph, the Spans table and Check name them.
    expect(chart.sections.map((section) => [section.traceId.slice(0, 2), section.number])).toEqual([
      ['33', 3],
      ['11', 1],
      ['22', 2],
    ]);
    expect(chart.text).toContain('section trace 3\n    #98;illing › orders process: t2s0, 10, 30');
  });

  it('zooms on one trace with an axis of its own', () => {
    const chart = buildWaterfall(batchWithLinks(), { traceId: '33333333333333333333333333333333' });
    expect(chart.sections).toHaveLength(1);
    expect(chart.text).toContain('section trace 3\n    #98;illing › orders process: t2s0, 0, 20');
  });

  it('folds a trace of 0 ms into one row', () => {
    const spans = [
      makeSpan({ traceId: TRACE, spanId: 'a', start: 5, end: 5, name: 'tick' }),
      makeSpan({ traceId: TRACE, spanId: 'b', parentSpanId: 'a', start: 5, end: 5 }),
      makeSpan({ traceId: TRACE, spanId: 'c', parentSpanId: 'a', start: 5, end: 5 }),
    ];
    const chart = buildWaterfall(spans);
    expect(chart.sections[0]?.collapsed).toBe(true);
    expect(chart.text.split('\n').at(-1)).toBe('    #97;pp › tick and 2 more, all at 0 ms: t0s0, 0, 0');
    expect([chart.shown, chart.total]).toEqual([3, 3]);
  });

  it('draws a chart shorter than 10 ms in whole µs, so sub-millisecond spans do not all sit at 0', () => {
    // A request of 0.8 ms with a cache lookup of 5 µs and a query of 0.3 ms, as a real system records them.
    const spans = [
      makeSpan({ traceId: TRACE, spanId: 'a', start: 1000, end: 1000.8, name: 'GET /item' }),
      makeSpan({ traceId: TRACE, spanId: 'b', parentSpanId: 'a', start: 1000.1, end: 1000.105, name: 'cache get' }),
      makeSpan({ traceId: TRACE, spanId: 'c', parentSpanId: 'a', start: 1000.2, end: 1000.5, name: 'SELECT item' }),
    ];
    const lines = buildWaterfall(spans).text.split('\n');
    expect(lines).toContain('    axisFormat %Q µs');
    expect(lines).toContain('    tickInterval 200millisecond');
    expect(lines.slice(-3).map((line) => line.replace(/^.*: /, ''))).toEqual([
      't0s0, 0, 800',
      't0s1, 100, 105',
      't0s2, 200, 500',
    ]);
    // 10 ms and longer: whole ms, as before.
    spans[0]!.end = 1010;
    expect(buildWaterfall(spans).text).toContain('axisFormat %Q ms');
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
    const last = buildWaterfall(spans).text.split('\n').at(-1) ?? '';
    expect(last.replaceAll('#160;', '_')).toBe(`    ${'___'.repeat(7)}└─_11_app › work: t0s11, 11, 20`);
  });

  it('keeps a chart within maxTextSize, saying how many rows it shows', () => {
    const spans = Array.from({ length: 40 }, (_, i) =>
      makeSpan({ traceId: TRACE, spanId: `s${String(i)}`, name: `step ${String(i)}`, start: i, end: i + 1 }),
    );
    const chart = buildWaterfall(spans, { maxTextSize: 1000 });
    expect(chart.truncated).toBe(true);
    expect(chart.total).toBe(40);
    expect(chart.text.length).toBeLessThanOrEqual(1000);
    expect(chart.text).toContain(`title Showing the first ${String(chart.shown)} of 40 spans`);
    expect(chart.text.split('\n').filter((line) => line.includes('pp › step'))).toHaveLength(chart.shown);
  });

  it('stays within 50,000 characters for 10,000 spans with long hostile names', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) =>
      makeSpan({ traceId: TRACE, spanId: `s${String(i)}`, name: '%%{init}%%'.repeat(50), start: i, end: i + 5 }),
    );
    const chart = buildWaterfall(spans);
    expect(chart.truncated).toBe(true);
    expect(chart.text.length).toBeLessThanOrEqual(50_000);
    expect(chart.shown).toBeGreaterThan(50);
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
    expect(buildWaterfall(spans, { maxTextSize: 10_000_000 }).total).toBe(10_000);
  });
});

describe('buildWaterfall with spans not kept', () => {
  const rows = (text: string) =>
    text
      .replaceAll('#160;', '_')
      .split('\n')
      .filter((line) => / t\d+s\d+, /.test(line));

  it('marks a kept span whose link points at a span not kept', () => {
    const { spans, unsampled } = batchNotKept();
    expect(rows(buildWaterfall(spans, { unsampled }).text)).toEqual([
      '    #111;rders › orders send: t0s0, 0, 1',
      '    #98;illing › orders process ⚠ dangling#58; target not kept: t1s0, 5, 25',
      '    └─_billing › charge: t1s1, 7, 15',
    ]);
  });

  it('draws spans not kept as done bars marked "(not kept)" when they are shown', () => {
    const { spans, unsampled } = batchNotKept();
    const chart = buildWaterfall(withNotKept({ spans, unsampledSpans: unsampled }), { unsampled });
    expect(rows(chart.text)).toEqual([
      '    #111;rders › orders send (not kept): done, t0s0, 0, 2',
      '    #111;rders › orders send: t1s0, 5, 6',
      '    #98;illing › orders process ⚠ dangling#58; target not kept: t2s0, 10, 30',
      '    └─_billing › charge: t2s1, 12, 20',
    ]);
  });
});

describe('tickStep', () => {
  it('keeps the axis to at most the ticks asked for, on round steps', () => {
    expect(tickStep(1800, 6)).toBe(500);
    expect(tickStep(6100, 6)).toBe(2000);
    expect(tickStep(6156, 4)).toBe(2000);
    expect(tickStep(0, 6)).toBe(1);
    for (const range of [1, 7, 99, 1234, 59_999, 3_600_000])
      expect(Math.floor(range / tickStep(range, 5)) + 1).toBeLessThanOrEqual(5);
  });
});

describe('toWaterfall', () => {
  it('prints the chart the site draws, after a comment naming each trace', () => {
    const text = toWaterfall(batchWithLinks());
    expect(text.split('\n').filter((line) => line.startsWith('%% trace '))).toEqual([
      '%% trace 1 11111111111111111111111111111111',
      '%% trace 2 22222222222222222222222222222222',
      '%% trace 3 33333333333333333333333333333333',
    ]);
    expect(text).toBe(`${text.split('\n').slice(0, 3).join('\n')}\n${buildWaterfall(batchWithLinks()).text}\n`);
  });

  it('never echoes a malformed trace id into the comment', () => {
    const text = toWaterfall([makeSpan({ traceId: '%%{init: {}}%%\nx', spanId: '1' })]);
    expect(text.split('\n')[0]).toBe('%% trace 1 ???init????????x');
  });
});

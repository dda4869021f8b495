import { describe, expect, it } from 'vitest';
import { batchRun, makeSpan, T1, T3 } from '../test-runs.ts';
import { cutText, formatDuration, formatValue, plural } from './format.ts';
import { RunIndex } from './RunIndex.ts';
import { rowMatches, spanRow } from './span-rows.ts';

describe('span table rows', () => {
  const index = new RunIndex(batchRun().spans);
  const row = (name: string) => {
    const entry = index.spans.find((candidate) => candidate.span.name === name);
    if (entry === undefined) throw new Error(name);
    return spanRow(index, entry);
  };

  it('show links out with their attributes, including links to spans not in the run', () => {
    const batch = row('process batch');
    expect(batch.parent).toBeNull();
    expect(batch.linksOut.map((link) => [link.target.kind, link.attributes])).toEqual([
      ['span', ['messaging.message.id = m1']],
      ['span', ['messaging.message.id = m2']],
      ['absent', []],
    ]);
    expect(batch.linksOut[2]?.target).toEqual({ kind: 'absent', ref: { traceId: T1, spanId: 'ffffffffffffffff' } });
    expect(batch.linksIn).toEqual([]);
  });

  it('show links in: the producer knows the batch linked to it', () => {
    const [producer] = index.spans;
    const cells = producer ? spanRow(index, producer).linksIn : [];
    expect(cells).toHaveLength(1);
    expect(cells[0]?.target.kind === 'span' && cells[0].target.entry.span.name).toBe('process batch');
    expect(cells[0]?.attributes).toEqual(['messaging.message.id = m1']);
  });

  it('say start, duration and status in words', () => {
    const child = row('process m2');
    expect(child.start).toBe('+5 ms');
    expect(child.duration).toBe('never ended');
    expect(child.status).toBe('error: poison message');
    expect(child.parent?.kind === 'span' && child.parent.entry.span.name).toBe('process batch');
    expect(row('process m1').duration).toBe('5 ms');
  });

  it('name a parent that is not in the run', () => {
    const orphan = new RunIndex([makeSpan({ traceId: T3, spanId: 'c9', parentSpanId: 'remote01' })]);
    const [entry] = orphan.spans;
    expect(entry && spanRow(orphan, entry).parent).toEqual({
      kind: 'absent',
      ref: { traceId: T3, spanId: 'remote01' },
    });
  });

  it('keep user text as it is, and "(unnamed)" for blank names', () => {
    const hostile = new RunIndex([
      makeSpan({
        traceId: T1,
        spanId: 'h1',
        name: '<img src=x onerror=alert(1)>',
        attributes: { 'a<b>': ['x', 1, true] },
      }),
      makeSpan({ traceId: T1, spanId: 'h2', name: '   ', service: '' }),
    ]);
    const [first, second] = hostile.spans.map((entry) => spanRow(hostile, entry));
    expect(first?.name).toBe('<img src=x onerror=alert(1)>');
    expect(first?.attributes).toEqual(['a<b> = ["x", 1, true]']);
    expect([second?.name, second?.service]).toEqual(['(unnamed)', '(unnamed)']);
  });

  it('match a filter in names, services and attribute values', () => {
    const [producer] = index.spans;
    const batch = index.spans[2];
    expect(producer && rowMatches(producer, 'SHOP')).toBe(true);
    expect(batch && rowMatches(batch, 'm1')).toBe(false); // link attributes are not the span's
    expect(index.spans.filter((entry) => rowMatches(entry, 'process')).length).toBe(3);
    expect(producer && rowMatches(producer, '  ')).toBe(true);
  });
});

describe('formatting', () => {
  it('writes durations, counts and cut text readably', () => {
    expect(
      [0, 0.005, 0.004883, 0.0002, 0.8, 12, 999, 1500, 61_000, 125_250, 1_200_052, 3_600_000.5].map(formatDuration),
    ).toEqual([
      '0 ms',
      '5 µs', // not "0.005 ms"
      '5 µs', // a 5 µs span as a double of ms since 1970 holds it, not "4.883 µs"
      'under 1 µs',
      '800 µs',
      '12 ms',
      '999 ms',
      '1.5 s',
      '1 min 1 s',
      '2 min 5.25 s',
      '20 min 52 ms', // not "20 min 0.052 s"
      '60 min 500 µs',
    ]);
    expect(plural(1, 'span')).toBe('1 span');
    expect(plural(10_000, 'span')).toBe('10,000 spans');
    expect(cutText('abcdef', 3)).toBe('abc… (3 more characters)');
    expect(formatValue([1, 'a', null])).toBe('[1, "a", null]');
  });
});

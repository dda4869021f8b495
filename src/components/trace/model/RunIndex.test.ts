import { describe, expect, it } from 'vitest';
import { batchRun, makeSpan, T1, T2, T3 } from '../test-runs.ts';
import { RunIndex } from './RunIndex.ts';

describe('RunIndex', () => {
  const index = new RunIndex(batchRun().spans);
  const find = (traceId: string, spanId: string) => index.find({ traceId, spanId });

  it('orders traces by first span and spans in tree order', () => {
    expect(index.traces.map((trace) => trace.traceId)).toEqual([T1, T2, T3]);
    expect(index.spans.map((entry) => [entry.span.name, entry.depth, entry.order, entry.row])).toEqual([
      ['send orders', 0, 0, 0],
      ['send orders', 0, 1, 0],
      ['process batch', 0, 2, 0],
      ['process m1', 1, 3, 1],
      ['process m2', 1, 4, 2],
    ]);
  });

  it('gives each trace its time range, counting a span never ended by its start', () => {
    const trace = index.trace(T3);
    expect(trace && trace.end - trace.start).toBe(15);
  });

  it('indexes links in: the back-references, across traces, with their attributes', () => {
    const producer = find(T1, 'a000000000000001');
    const batch = find(T3, 'c000000000000001');
    expect(producer && index.linksIn(producer).map(({ from, link }) => [from, link.attributes])).toEqual([
      [batch, { 'messaging.message.id': 'm1' }],
    ]);
    expect(batch && index.linksIn(batch)).toEqual([]);
  });

  it('finds parents and children, and nothing for absent spans', () => {
    const batch = find(T3, 'c000000000000001');
    const child = find(T3, 'c000000000000002');
    expect(child && index.parentOf(child)).toBe(batch);
    expect(batch && index.childrenOf(batch).map((entry) => entry.span.name)).toEqual(['process m1', 'process m2']);
    expect(find(T1, 'ffffffffffffffff')).toBeUndefined();
    expect(find(T2, 'a000000000000001')).toBeUndefined(); // right span id, wrong trace
    expect(index.findSpanId('b000000000000001')?.span.traceId).toBe(T2);
  });

  it('keeps the first of spans sharing ids, and never makes a span its own child', () => {
    const dup = new RunIndex([
      makeSpan({ traceId: T1, spanId: 'aa', name: 'first', start: 0 }),
      makeSpan({ traceId: T1, spanId: 'aa', name: 'second', start: 9 }),
      makeSpan({ traceId: T1, spanId: 'bb', parentSpanId: 'bb', name: 'self' }),
    ]);
    expect(dup.find({ traceId: T1, spanId: 'aa' })?.span.name).toBe('first');
    expect(dup.spans).toHaveLength(3);
    const self = dup.find({ traceId: T1, spanId: 'bb' });
    expect(self && dup.childrenOf(self)).toEqual([]);
  });
});

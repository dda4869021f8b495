import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../runtime/protocol.ts';
import type { SpanRecord } from '../../trace/model.ts';
import { fromWire, toWire } from './wire.ts';

const span: SpanRecord = {
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  parentSpanId: null,
  name: 'batch',
  kind: 'consumer',
  service: 'worker',
  scope: { name: 't' },
  start: 1,
  end: 2,
  attributes: {},
  events: [],
  links: [
    { traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), attributes: { 'messaging.message.id': 'm1' } },
    { traceId: 'e'.repeat(32), spanId: 'f'.repeat(16), attributes: {}, addedAfterStart: true },
    { traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), attributes: { 'messaging.message.id': 'm2', n: 2 } },
    { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), attributes: {}, sampled: false },
    { traceId: 'a'.repeat(32), spanId: 'c'.repeat(16), attributes: {}, addedAfterStart: true, sampled: false },
    { traceId: 'c'.repeat(32), spanId: 'f'.repeat(16), attributes: { n: 1.5, 'messaging.message.id': 'm3' } },
    {
      traceId: 'e'.repeat(32),
      spanId: 'f'.repeat(16),
      attributes: { '7': 'integer key', list: ['x', null], flags: [true, false], empty: '' },
      addedAfterStart: true,
    },
  ],
  status: { code: 'unset' },
  dropped: { attributes: 0, events: 0, links: 0 },
  resource: { 'service.name': 'worker' },
};

const roundTrip = (events: RunEvent[]): RunEvent[] =>
  fromWire(JSON.parse(JSON.stringify(toWire(events))) as ReturnType<typeof toWire>);

describe('the IPC wire form', () => {
  it('round-trips every kind of event, links included, through JSON', () => {
    const events: RunEvent[] = [
      { type: 'span-end', span, order: 0 },
      { type: 'span-start', span: { ...span, links: [] }, order: 1 },
      { type: 'span-end', span: { ...span, spanId: '1'.repeat(16), links: span.links.slice(2) }, order: 2 },
      { type: 'console', entry: { level: 'log', text: 'hi', time: 1 } },
      { type: 'done', stats: { virtualMs: 1, wallMs: 1, spansStarted: 2, spansDropped: 0, consoleDropped: 0 } },
    ];
    const back = roundTrip(events);
    expect(back).toEqual(events);
    // Key order is part of the JSON the CLI prints.
    expect(JSON.stringify(back)).toBe(JSON.stringify(events));
  });

  it('sends each span context and each list of attribute keys once per batch', () => {
    const links = Array.from({ length: 100 }, (_, i) => ({
      traceId: 'c'.repeat(32),
      spanId: 'd'.repeat(16),
      attributes: { 'link.index': i },
    }));
    const batch = toWire([{ type: 'span-end', span: { ...span, links }, order: 0 }]);
    expect(batch.contexts).toEqual(['c'.repeat(32), 'd'.repeat(16)]);
    expect(batch.keys).toEqual([[], ['link.index']]);
    expect(JSON.stringify(batch).length).toBeLessThan(1_200);
  });

  it('keeps an attribute named __proto__ as an own key, not a prototype', () => {
    const attributes = JSON.parse('{"__proto__":["x"],"a":1}') as SpanRecord['attributes'];
    const events: RunEvent[] = [
      {
        type: 'span-end',
        span: { ...span, links: [{ traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), attributes }] },
        order: 0,
      },
    ];
    const [event] = roundTrip(events);
    const back = event?.type === 'span-end' ? event.span.links[0]!.attributes : undefined;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe('{"__proto__":["x"],"a":1}');
  });
});

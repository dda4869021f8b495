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
  ],
  status: { code: 'unset' },
  dropped: { attributes: 0, events: 0, links: 0 },
  resource: { 'service.name': 'worker' },
};

describe('the IPC wire form', () => {
  it('round-trips every kind of event, links included, through JSON', () => {
    const events: RunEvent[] = [
      { type: 'span-end', span, order: 0 },
      { type: 'span-start', span: { ...span, links: [] }, order: 1 },
      { type: 'console', entry: { level: 'log', text: 'hi', time: 1 } },
      { type: 'done', stats: { virtualMs: 1, wallMs: 1, spansStarted: 2, spansDropped: 0, consoleDropped: 0 } },
    ];
    const wire = JSON.parse(JSON.stringify(toWire(events))) as ReturnType<typeof toWire>;
    expect(fromWire(wire)).toEqual(events);
  });
});

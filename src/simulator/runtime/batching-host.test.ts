import { describe, expect, it } from 'vitest';
import type { SpanLinkRecord, SpanRecord } from '../trace/model.ts';
import { batchingHost } from './batching-host.ts';
import type { RunEvent } from './protocol.ts';

function spanEnd(order: number, links: number): RunEvent {
  const link: SpanLinkRecord = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), attributes: {} };
  const span: SpanRecord = {
    traceId: 'c'.repeat(32),
    spanId: order.toString(16).padStart(16, '0'),
    parentSpanId: null,
    name: 'span',
    kind: 'internal',
    service: 'app',
    scope: { name: 'test' },
    start: 0,
    end: 1,
    attributes: {},
    events: [],
    links: Array.from({ length: links }, () => link),
    status: { code: 'unset' },
    dropped: { attributes: 0, events: 0, links: 0 },
    resource: { 'service.name': 'app' },
  };
  return { type: 'span-end', span, order };
}

function host() {
  const batches: RunEvent[][] = [];
  const runner = batchingHost({
    send: (events) => batches.push(events),
    nextMacrotask: (callback) => setImmediate(callback),
    wallNow: () => performance.now(),
    onUnhandledRejection: () => undefined,
  });
  return { batches, runner };
}

describe('batchingHost', () => {
  it('sends a batch every 500 events, and the rest when flushed', () => {
    const { batches, runner } = host();
    for (let i = 0; i < 1_200; i++) runner.emit(spanEnd(i, 0));
    expect(batches.map((batch) => batch.length)).toEqual([500, 500]);
    runner.flush();
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 200]);
  });

  it('sends a batch once it holds 5,000 links, in the order emitted', () => {
    const { batches, runner } = host();
    for (let i = 0; i < 120; i++) runner.emit(spanEnd(i, 100));
    expect(batches.map((batch) => batch.length)).toEqual([50, 50]);
    runner.flush();
    expect(batches.flat().map((event) => (event.type === 'span-end' ? event.order : -1))).toEqual(
      Array.from({ length: 120 }, (_, i) => i),
    );
  });

  it('sends what is pending when the run yields to its host', async () => {
    const { batches, runner } = host();
    runner.emit(spanEnd(0, 3));
    expect(batches).toEqual([]);
    await runner.yieldToHost();
    expect(batches.map((batch) => batch.length)).toEqual([1]);
  });
});

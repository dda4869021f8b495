import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../trace/otlp-test-spans.ts';
import { TraceIndex } from '../TraceIndex.ts';
import { attemptNumber, isCompensation, messagesHandled, nameShape } from './span-facts.ts';

describe('span facts', () => {
  it('tells a compensation from a database ROLLBACK', () => {
    expect(isCompensation(makeSpan({ spanId: '1', name: 'undo reserve-hotel' }))).toBe(true);
    expect(
      isCompensation(makeSpan({ spanId: '2', name: 'cancel', attributes: { 'saga.compensation.steps': 2 } })),
    ).toBe(true);
    expect(
      isCompensation(makeSpan({ spanId: '3', name: 'ROLLBACK', attributes: { 'db.system.name': 'postgresql' } })),
    ).toBe(false);
    expect(isCompensation(makeSpan({ spanId: '4', name: 'undoubtedly' }))).toBe(false);
  });

  it('reads attempt numbers and compares names up to their numbers', () => {
    expect(attemptNumber(makeSpan({ spanId: '1', attributes: { 'http.request.resend_count': 2 } }))).toBe(2);
    expect(attemptNumber(makeSpan({ spanId: '2' }))).toBeUndefined();
    expect(nameShape('attempt 12 of 3')).toBe(nameShape('attempt 1 of 3'));
  });

  it('counts the messages a span handles by count, by link ids, or by its own children’s ids', () => {
    const batch = makeSpan({ spanId: 'a', attributes: { 'messaging.batch.message_count': 4 } });
    const linked = makeSpan({
      spanId: 'b',
      links: ['m1', 'm2', 'm2'].map((id, i) => ({
        traceId: 'f'.repeat(32),
        spanId: String(i),
        attributes: { 'messaging.message.id': id },
      })),
    });
    const loop = makeSpan({ spanId: 'c' });
    const child = (id: string, consumer: boolean) =>
      makeSpan({
        spanId: `c-${id}`,
        parentSpanId: 'c',
        kind: consumer ? 'consumer' : 'internal',
        attributes: { 'messaging.message.id': id },
      });
    const index = new TraceIndex([batch, linked, loop, child('m1', false), child('m2', false), child('m3', true)]);
    expect([batch, linked, loop].map((s) => messagesHandled(index, s))).toEqual([4, 2, 2]);
  });
});

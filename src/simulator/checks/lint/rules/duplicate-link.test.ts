import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { duplicateLink as rule } from './duplicate-link.ts';

const source = `${PRELUDE}
const orders = broker.topic('orders');
// One send call, three messages: without "Create" spans they share one creation context.
orders.subscribeBatch(
  (messages) => {
    const links = messages.map((message) => ({
      context: trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers))!,
      attributes: { 'messaging.message.id': message.id },
    }));
    tracer.startSpan('process orders', { kind: SpanKind.CONSUMER, links }).end();
  },
  { service: 'shared-consumer', maxMessages: 3 },
);

export default async function main() {
  for (const name of ['bad', 'same-attributes', 'differing-attributes', 'good', 'redelivered', 'unmarked-redelivery']) {
    service(name).run(() => {
      const first = tracer.startSpan('charge-attempt', { root: true });
      first.end();
      const second = tracer.startSpan('charge-attempt', { root: true });
      second.end();
      const targets = name === 'good' ? [first, second] : [first, first];
      // A message delivered twice: both copies carry its id; only a delivery count tells them apart.
      const redelivery = (i: number) =>
        name === 'redelivered'
          ? { 'messaging.message.id': 'm1', 'messaging.servicebus.message.delivery_count': i + 1 }
          : { 'messaging.message.id': 'm1' };
      const links = targets.map((s, i) => ({
        context: s.spanContext(),
        attributes:
          name === 'bad'
            ? {}
            : name === 'redelivered' || name === 'unmarked-redelivery'
              ? redelivery(i)
              : { 'retry.attempt': name === 'differing-attributes' ? i + 1 : 1 },
      }));
      tracer.startSpan('report', { root: true, links }).end();
    });
  }
  await service('shared').run(() =>
    tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (span) => {
      for (const id of ['o-1', 'o-2', 'o-3']) await orders.publish({ id });
      span.end();
    }),
  );
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

const finding = (times: number) => ({
  rule: 'duplicate-link',
  severity: 'warning',
  message: expect.stringMatching(
    new RegExp(
      `^\`report\` links to \`charge-attempt\` in trace \\d+ · [0-9a-f]{8}… ${times} times with the same attributes: `,
    ),
  ) as unknown,
  spans: ['report', 'charge-attempt'],
});

describe('duplicate-link', () => {
  it('fires on a span that links to the same span twice with no attributes', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([finding(2)]);
  });

  it('fires on a span that links to the same span twice with equal attributes', () => {
    expect(lintWith(rule, cases('same-attributes'))).toEqual([finding(2)]);
  });

  it('does not fire on links to the same span whose attributes differ', () => {
    expect(lintWith(rule, cases('differing-attributes'))).toEqual([]);
  });

  it('does not fire on one link per message to a creation context the messages share, each with its message id', () => {
    const spans = cases('shared');
    const consumer = spans.find((s) => s.name === 'process orders')!;
    expect(consumer.service).toBe('shared-consumer');
    expect(new Set(consumer.links.map((l) => l.spanId)).size).toBe(1);
    expect(consumer.links.map((l) => l.attributes['messaging.message.id'])).toEqual(['m1', 'm2', 'm3']);
    expect(lintWith(rule, spans)).toEqual([]);
  });

  it('does not fire on a redelivered message linked once per copy, each copy with its delivery count', () => {
    expect(lintWith(rule, cases('redelivered'))).toEqual([]);
  });

  it('fires on a redelivered message linked twice with only its message id, which both copies share', () => {
    expect(lintWith(rule, cases('unmarked-redelivery'))).toEqual([finding(2)]);
  });

  it('does not fire on links to two different spans', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

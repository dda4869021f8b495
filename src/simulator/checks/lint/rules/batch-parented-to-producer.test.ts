import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { batchParentedToProducer as rule } from './batch-parented-to-producer.ts';

// Three producers per case; each case's worker consumes their three messages in one batch.
const source = `${PRELUDE}
const creation = (m) => propagation.extract(ROOT_CONTEXT, m.headers);
const batch = { kind: SpanKind.CONSUMER, attributes: { 'messaging.batch.message_count': 3 } };

broker.topic('bad').subscribeBatch((messages) => {
  tracer.startSpan('process batch', batch, creation(messages[0])).end();
}, { service: 'bad-worker', maxMessages: 3 });

broker.topic('fan-in').subscribeBatch((messages) => {
  const [first, ...others] = messages.map(creation);
  const links = others.map((c) => ({ context: trace.getSpanContext(c), attributes: { source: 'report' } }));
  tracer.startSpan('combine reports', { links }, first).end();
}, { service: 'fan-in-worker', maxMessages: 3 });

broker.topic('good').subscribeBatch((messages) => {
  const links = messages.map((m) => ({ context: trace.getSpanContext(creation(m)), attributes: { 'messaging.message.id': m.id } }));
  tracer.startSpan('process batch', { ...batch, links }).end();
}, { service: 'good-worker', maxMessages: 3 });

export default async function main() {
  for (const name of ['bad', 'fan-in', 'good']) {
    for (let i = 0; i < 3; i++) {
      await service(name).run(() => tracer.startActiveSpan('send', { kind: SpanKind.PRODUCER }, async (span) => {
        await broker.topic(name).publish({ i });
        span.end();
      }));
    }
  }
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('batch-parented-to-producer', () => {
  it('fires on a batch made the child of the first of its three producers', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'batch-parented-to-producer',
        severity: 'error',
        message:
          "`process batch` handles 3 messages but is a child of one producer, `send` in trace 1 · 68fe3018…: start it as a root and link to each message's producer",
        spans: ['process batch', 'send'],
      },
    ]);
  });

  it('fires on a fan-in parented to one origin and linked to the others', () => {
    expect(lintWith(rule, cases('fan-in'))).toEqual([
      {
        rule: 'batch-parented-to-producer',
        severity: 'error',
        message:
          '`combine reports` is a child of `send` in trace 1 · bd9edf23… and links to 2 other `send` spans: one of several origins was made its parent — start it as a root and link to every origin',
        spans: ['combine reports', 'send', 'send', 'send'],
      },
    ]);
  });

  it('does not fire on a batch that starts its own trace and links to each producer', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

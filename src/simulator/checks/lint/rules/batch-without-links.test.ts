import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { batchWithoutLinks as rule } from './batch-without-links.ts';

const source = `${PRELUDE}
const creation = (m) => trace.getSpanContext(propagation.extract(ROOT_CONTEXT, m.headers));

// A batch span that says how many messages it handles, and links to none.
broker.topic('counted').subscribeBatch((messages) => {
  tracer.startSpan('process batch', { kind: SpanKind.CONSUMER, attributes: { 'messaging.batch.message_count': messages.length } }).end();
}, { service: 'counted-worker', maxMessages: 3 });

// No count, but one child per message carrying its id.
broker.topic('children').subscribeBatch(async (messages) => {
  await tracer.startActiveSpan('handle messages', async (span) => {
    for (const m of messages) tracer.startSpan('handle', { attributes: { 'messaging.message.id': m.id } }).end();
    span.end();
  });
}, { service: 'children-worker', maxMessages: 3 });

// Good: links per message; and a poll loop whose per-message consumer spans link themselves.
broker.topic('good').subscribeBatch(async (messages) => {
  const links = messages.map((m) => ({ context: creation(m), attributes: { 'messaging.message.id': m.id } }));
  tracer.startSpan('process batch', { kind: SpanKind.CONSUMER, links, attributes: { 'messaging.batch.message_count': 3 } }).end();
  await tracer.startActiveSpan('poll loop', async (loop) => {
    for (const m of messages) {
      const link = { context: creation(m), attributes: { 'messaging.message.id': m.id } };
      tracer.startSpan('process', { kind: SpanKind.CONSUMER, links: [link], attributes: { 'messaging.message.id': m.id } }).end();
    }
    loop.end();
  });
}, { service: 'good-worker', maxMessages: 3 });

export default async function main() {
  // A producer's job: one PRODUCER "create" child per message it sends — it made those messages, it handles none.
  await service('outbox').run(() => tracer.startActiveSpan('flush-outbox', (job) => {
    for (let i = 0; i < 3; i++) {
      tracer.startSpan('create orders', { kind: SpanKind.PRODUCER, attributes: { 'messaging.message.id': 'o' + i } }).end();
    }
    job.end();
  }));
  for (const name of ['counted', 'children', 'good']) {
    for (let i = 0; i < 3; i++) {
      await tracer.startActiveSpan('send', { kind: SpanKind.PRODUCER }, async (span) => {
        await broker.topic(name).publish({ i });
        span.end();
      });
    }
  }
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('batch-without-links', () => {
  it('fires on a span counting 3 messages, and on one whose children carry 3 message ids, with no links', () => {
    const finding = (span: string) => ({
      rule: 'batch-without-links',
      severity: 'warning',
      message: `\`${span}\` handles 3 messages but has no links: link to each message's creation context, so every producer's trace leads here`,
      spans: [span],
    });
    expect(lintWith(rule, cases('counted'))).toEqual([finding('process batch')]);
    expect(lintWith(rule, cases('children'))).toEqual([finding('handle messages')]);
  });

  it('does not fire on a linked batch, nor on a loop whose per-message spans link themselves', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });

  it("does not fire on a producer's job whose PRODUCER children each create a message", () => {
    expect(cases('outbox').filter((s) => s.name === 'create orders')).toHaveLength(3);
    expect(lintWith(rule, cases('outbox'))).toEqual([]);
  });
});

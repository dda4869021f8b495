import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { consumerWithoutOrigin as rule } from './consumer-without-origin.ts';

const source = `${PRELUDE}
const creation = (m) => propagation.extract(ROOT_CONTEXT, m.headers);

broker.topic('bad').subscribe((message) => {
  tracer.startSpan('process orders', { kind: SpanKind.CONSUMER }).end();
}, { service: 'bad-worker' });
broker.topic('good').subscribe((message) => {
  tracer.startSpan('process orders', { kind: SpanKind.CONSUMER }, creation(message)).end();
  const link = { context: trace.getSpanContext(creation(message)), attributes: { 'messaging.message.id': message.id } };
  tracer.startSpan('audit orders', { kind: SpanKind.CONSUMER, links: [link] }).end();
}, { service: 'good-worker' });

export default async function main() {
  for (const name of ['bad', 'good']) {
    await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (span) => {
      await broker.topic(name).publish({});
      span.end();
    });
  }
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('consumer-without-origin', () => {
  it('fires, as a warning, on a single-message consumer root that links to nothing', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'consumer-without-origin',
        severity: 'warning',
        message:
          "`process orders` is a consumer with neither a parent nor links: the messaging conventions say it SHOULD link to each message's creation context — extract the message's context and link to it (or, for a single message, make it the parent)",
        spans: ['process orders'],
      },
    ]);
  });

  it('does not fire on a consumer parented to the producer, nor on one linked to it', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

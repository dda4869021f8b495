import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { linkToAncestor as rule } from './link-to-ancestor.ts';

const source = `${PRELUDE}
const linkTo = (span) => [{ context: span.spanContext(), attributes: { 'link.type': 'related' } }];

// Good: a single-message consumer under its producer, linking to it as the messaging conventions ask.
broker.topic('orders').subscribe(async (message) => {
  const creation = propagation.extract(ROOT_CONTEXT, message.headers);
  const link = { context: trace.getSpanContext(creation), attributes: { 'messaging.message.id': message.id } };
  tracer.startSpan('process orders', { kind: SpanKind.CONSUMER, links: [link] }, creation).end();
}, { service: 'good-worker' });

export default async function main() {
  await service('bad').run(() => tracer.startActiveSpan('handle-request', async (request) => {
    await tracer.startActiveSpan('load-cart', { links: linkTo(request) }, async (cart) => {
      tracer.startSpan('read-items', { links: linkTo(request) }).end();
      cart.end();
    });
    request.addLink({ context: request.spanContext(), attributes: { 'link.type': 'self' } });
    request.end();
  }));
  await service('good').run(() => tracer.startActiveSpan('orchestrate', async (root) => {
    const call = tracer.startSpan('call pricing');
    call.end();
    tracer.startSpan('aggregate', { links: linkTo(call) }).end();
    await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
      await broker.topic('orders').publish({});
      send.end();
    });
    root.end();
  }));
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('link-to-ancestor', () => {
  it('fires on links to the span itself, to its parent and to a grandparent', () => {
    const chain = 'the parent chain already relates them — drop the link';
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'link-to-ancestor',
        severity: 'warning',
        message: '`handle-request` links to itself: drop the link',
        spans: ['handle-request'],
      },
      {
        rule: 'link-to-ancestor',
        severity: 'warning',
        message: `\`load-cart\` links to its own parent \`handle-request\`: ${chain}`,
        spans: ['load-cart', 'handle-request'],
      },
      {
        rule: 'link-to-ancestor',
        severity: 'warning',
        message: `\`read-items\` links to its own ancestor \`handle-request\`: ${chain}`,
        spans: ['read-items', 'handle-request'],
      },
    ]);
  });

  it("does not fire on a sibling link, nor on a consumer's link to its parent producer", () => {
    expect(cases('good').find((s) => s.name === 'process orders')?.links).toHaveLength(1);
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

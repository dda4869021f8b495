import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { malformedLink as rule } from './malformed-link.ts';

// addLink() takes a Link; a value typed `any` — here an array from JSON.parse — type-checks too.
const source = `${PRELUDE}
export default async function main() {
  const order = await service('shop').run(() => tracer.startActiveSpan('publish order', { kind: SpanKind.PRODUCER }, (span) => {
    span.end();
    return span.spanContext();
  }));
  const stored: any = JSON.parse(JSON.stringify([{ context: order, attributes: { 'messaging.message.id': 'o-1' } }]));
  await service('bad').run(() => tracer.startActiveSpan('process order', { kind: SpanKind.CONSUMER }, (span) => {
    span.addLink(stored);
    span.end();
  }));
  await service('good').run(() => tracer.startActiveSpan('process order', { kind: SpanKind.CONSUMER }, (span) => {
    span.addLink(stored[0]);
    span.end();
  }));
  // A message that came with no context: the link names it by its attributes alone.
  const none = { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 };
  await service('meant').run(() => tracer.startActiveSpan('process order', { kind: SpanKind.CONSUMER }, (span) => {
    span.addLink({ context: none, attributes: { 'messaging.message.id': 'o-2' } });
    span.end();
  }));
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('malformed-link', () => {
  it('fires on a link given as an array, recorded with the invalid all-zero ids (and the span still ends)', () => {
    const [span] = cases('bad');
    expect(span?.end).not.toBeNull();
    expect(span?.links).toEqual([
      { traceId: '0'.repeat(32), spanId: '0'.repeat(16), attributes: {}, addedAfterStart: true },
    ]);
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'malformed-link',
        severity: 'error',
        message:
          '`process order` has its link without a valid span context, so it leads nowhere: give addLink() an object { context, attributes } whose context is a SpanContext (not an array from JSON.parse, not a context never extracted)',
        spans: ['process order'],
      },
    ]);
  });

  it('does not fire on an all-zero link that carries attributes, which the specification asks SDKs to record', () => {
    expect(cases('meant')[0]?.links).toEqual([
      expect.objectContaining({ traceId: '0'.repeat(32), attributes: { 'messaging.message.id': 'o-2' } }),
    ]);
    expect(lintWith(rule, cases('meant'))).toEqual([]);
  });

  it('does not fire on the same link given as an object', () => {
    expect(cases('good')[0]?.links).toHaveLength(1);
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

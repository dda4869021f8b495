import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { spanNotEnded as rule } from './span-not-ended.ts';

const source = `${PRELUDE}
export default async function main() {
  await service('bad').run(() => tracer.startActiveSpan('process-order', async () => {
    await tracer.startActiveSpan('validate-order', async (span) => { await sleep(5); span.end(); });
    // Returns without ending process-order.
  }));
  await service('good').run(() => tracer.startActiveSpan('process-order', async (span) => {
    try { await sleep(5); } finally { span.end(); }
  }));
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('span-not-ended', () => {
  it('fires on a span never ended, saying what that does to its children', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'span-not-ended',
        severity: 'error',
        message:
          '`process-order` was never ended: it is never exported, and its 1 child would point to a parent no backend has — end it on every path (try/finally)',
        spans: ['process-order'],
      },
    ]);
  });

  it('does not fire on a span ended in finally', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

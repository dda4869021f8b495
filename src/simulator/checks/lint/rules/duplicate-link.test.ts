import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { duplicateLink as rule } from './duplicate-link.ts';

const source = `${PRELUDE}
export default function main() {
  for (const name of ['bad', 'good']) {
    service(name).run(() => {
      const first = tracer.startSpan('charge-attempt', { root: true });
      first.end();
      const second = tracer.startSpan('charge-attempt', { root: true });
      second.end();
      const targets = name === 'bad' ? [first, first] : [first, second];
      const links = targets.map((s, i) => ({ context: s.spanContext(), attributes: { 'retry.attempt': i + 1 } }));
      tracer.startSpan('report', { root: true, links }).end();
    });
  }
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('duplicate-link', () => {
  it('fires on a span that links to the same span twice', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'duplicate-link',
        severity: 'warning',
        message:
          "`report` links to `charge-attempt` (trace 1) 2 times: one link says it all — put what differs in one link's attributes",
        spans: ['report', 'charge-attempt'],
      },
    ]);
  });

  it('does not fire on links to two different spans', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

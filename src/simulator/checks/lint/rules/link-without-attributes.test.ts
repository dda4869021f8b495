import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { linkWithoutAttributes as rule } from './link-without-attributes.ts';

const source = `${PRELUDE}
export default function main() {
  for (const name of ['bad', 'good']) {
    service(name).run(() => {
      const first = tracer.startSpan('export customers');
      const second = tracer.startSpan('export invoices');
      first.end();
      second.end();
      const links = name === 'bad'
        ? [{ context: first.spanContext() }, { context: second.spanContext(), attributes: { 'etl.source': 'billing' } }]
        : [first, second].map((s, i) => ({ context: s.spanContext(), attributes: { 'etl.source': ['crm', 'billing'][i] } }));
      tracer.startSpan('etl-run', { root: true, links }).end();
    });
  }
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('link-without-attributes', () => {
  it('fires on a span one of whose two links carries nothing, naming the span it points to', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'link-without-attributes',
        severity: 'info',
        message:
          '`etl-run`: 1 of its 2 links has no attributes — say why each link is there (`messaging.message.id`, `link.type`, a source name)',
        spans: ['etl-run', 'export customers'],
      },
    ]);
  });

  it('does not fire when every link says why it is there', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

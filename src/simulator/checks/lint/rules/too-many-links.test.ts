import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { tooManyLinks as rule } from './too-many-links.ts';

// Links to n synthetic span contexts, each with an attribute, given at start.
const source = `${PRELUDE}
const hex = (n, width) => n.toString(16).padStart(width, '0');
const links = (n) => Array.from({ length: n }, (_, i) => ({
  context: { traceId: hex(i + 1, 32), spanId: hex(i + 1, 16), traceFlags: 1 },
  attributes: { 'messaging.message.id': 'm' + i },
}));
export default function main() {
  service('bad').run(() => tracer.startSpan('process batch', { links: links(40) }).end());
  service('good').run(() => tracer.startSpan('process batch', { links: links(32) }).end());
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('too-many-links', () => {
  it('fires on a span with 40 links', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'too-many-links',
        severity: 'info',
        message:
          '`process batch` has 40 links: past 32 no trace view stays readable — link to what a reader will follow, or split the work into smaller batches',
        spans: ['process batch'],
      },
    ]);
  });

  it('does not fire at 32 links', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { linksDropped as rule } from './links-dropped.ts';

// The JavaScript SDK keeps 128 links per span by default; past that it drops the oldest and counts them.
const source = `${PRELUDE}
const hex = (n, width) => n.toString(16).padStart(width, '0');
const links = (n) => Array.from({ length: n }, (_, i) => ({
  context: { traceId: hex(i + 1, 32), spanId: hex(i + 1, 16), traceFlags: 1 },
  attributes: { 'messaging.message.id': 'm' + i },
}));
export default function main() {
  service('bad').run(() => tracer.startSpan('process batch', { links: links(130) }).end());
  service('good').run(() => tracer.startSpan('process batch', { links: links(128) }).end());
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('links-dropped', () => {
  it('fires on a span given 130 links, which kept 128', () => {
    expect(cases('bad')[0]!.links).toHaveLength(128);
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'links-dropped',
        severity: 'error',
        message:
          "`process batch` lost 2 of its 130 links to the SDK's link limit (128 by default; this SDK drops the first ones added, which the specification leaves to each SDK): split the batch, or link only what matters",
        spans: ['process batch'],
      },
    ]);
  });

  it('does not fire on a span with exactly 128 links', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });

  it('words a dropped count whose cause is unknown without blaming the SDK (a collector may have set it)', () => {
    const span = {
      ...cases('good')[0]!,
      links: cases('good')[0]!.links.slice(0, 3),
      dropped: { attributes: 0, events: 0, links: 5 },
    };
    expect(lintWith(rule, [span])).toEqual([
      {
        rule: 'links-dropped',
        severity: 'error',
        message:
          "`process batch` lost 5 of its 8 links (droppedLinksCount 5: a link limit dropped them — the SDK's, set lower than 128, or a collector's on the way): split the batch, or link only what matters",
        spans: ['process batch'],
      },
    ]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { addedAfterStart, linkAddedAfterStart as rule } from './link-added-after-start.ts';

// Both cases run on the real SDK: the runtime marks a link added after its span started.
const source = `${PRELUDE}
export default function main() {
  service('bad').run(() => {
    const source = tracer.startSpan('export orders', { root: true });
    source.end();
    const run = tracer.startSpan('etl-run', { root: true });
    run.addLink({ context: source.spanContext(), attributes: { 'etl.source': 'shop' } });
    run.end();
  });
  service('good').run(() => {
    const source = tracer.startSpan('export customers', { root: true });
    source.end();
    const link = { context: source.spanContext(), attributes: { 'etl.source': 'crm' } };
    tracer.startSpan('etl-run', { root: true, links: [link] }).end();
  });
  // Past the SDK's limit of 128 links: 150 given at the start (22 dropped), then one more added.
  service('over').run(() => {
    const links = Array.from({ length: 151 }, (_, n) => {
      const order = tracer.startSpan('order ' + String(n), { root: true });
      order.end();
      return { context: order.spanContext(), attributes: { 'order.index': n } };
    });
    const batch = tracer.startSpan('batch', { root: true, links: links.slice(0, 150) });
    batch.addLink(links[150]);
    batch.end();
  });
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('link-added-after-start', () => {
  it('fires on a link added with addLink after the span started', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'link-added-after-start',
        severity: 'warning',
        message:
          "`etl-run` got a link after it started (addLink/addLinks): a head sampler had already decided without it — pass links in startSpan's `links` option",
        spans: ['etl-run', 'export orders'],
      },
    ]);
  });

  it('does not fire on links given at start', () => {
    expect(
      cases('good')
        .flatMap((s) => s.links)
        .map(addedAfterStart),
    ).toEqual([false]);
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });

  it('past the link limit, counts the links the SDK dropped at the start as given at the start', () => {
    const batch = cases('over').find((span) => span.name === 'batch')!;
    expect(batch.dropped.links).toBe(23);
    // The SDK keeps the newest 128: links 23 to 150, of which only the last was added later.
    expect(batch.links.map((link) => link.attributes['order.index'])).toEqual(
      Array.from({ length: 128 }, (_, n) => n + 23),
    );
    expect(batch.links.map(addedAfterStart)).toEqual([...Array<boolean>(127).fill(false), true]);
  });
});

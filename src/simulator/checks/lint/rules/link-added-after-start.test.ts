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
});

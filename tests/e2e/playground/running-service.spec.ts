import { expect, test } from '../fixtures.ts';
import { openPlayground, run, setCode, showTab } from './helpers.ts';

test.describe.configure({ timeout: 60_000 });

// Code that follows the specification: the consumer extracts the message's creation context onto
// ROOT_CONTEXT and starts a linked root span and an active span on ROOT_CONTEXT. The service the
// consumer runs as is kept beside the OpenTelemetry context, so both spans are `billing`'s.
const CODE = `import { propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { broker, sleep } from '@spanlab/world';

const tracer = trace.getTracer('t');
const orders = broker.topic('orders');

orders.subscribe(async (message) => {
  const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
  const linked = tracer.startSpan('linked-root', { root: true, links: creation ? [{ context: creation }] : [] });
  await sleep(2);
  linked.end();
  await tracer.startActiveSpan('active-on-root', {}, ROOT_CONTEXT, async (span) => {
    await sleep(1);
    tracer.startSpan('child-after-await').end();
    span.end();
  });
}, { service: 'billing' });

export default async function main() {
  await tracer.startActiveSpan('publish', async (span) => {
    await orders.publish({ id: 1 });
    span.end();
  });
}
`;

test('a consumer that extracts onto ROOT_CONTEXT keeps its service for a linked root span and an active ROOT_CONTEXT span', async ({
  page,
}) => {
  await openPlayground(page, 'publish-consume');
  await setCode(page, CODE);
  expect(await run(page)).toMatch(/^Ran in \d+ ms: 4 spans in 3 traces/);
  await showTab(page, 'Spans');
  const rows = page.getByRole('table').first().locator('tbody tr[data-span-key]');
  await expect(rows).toHaveCount(4);
  const services = await rows.evaluateAll((trs) =>
    trs.map((tr) => [
      (tr.querySelector('.tv-c-name')?.textContent ?? '').trim(),
      (tr.querySelector('.tv-c-service')?.textContent ?? '').trim(),
    ]),
  );
  expect(Object.fromEntries(services)).toEqual({
    publish: 'app',
    'linked-root': 'billing',
    'active-on-root': 'billing',
    'child-after-await': 'billing',
  });
});

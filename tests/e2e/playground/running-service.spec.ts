import { expect, test } from '../fixtures.ts';
import { openPlayground, setCode, showTab } from './helpers.ts';

// The first Run loads TypeScript in the compile worker: slow on a loaded machine.
test.describe.configure({ timeout: 120_000 });

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
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-pg="status"]')).toHaveText(/^Ran in \d+ ms: 4 spans in 3 traces/, {
    timeout: 60_000,
  });
  await showTab(page, 'Spans');
  const rows = page.getByRole('table').first().locator('tbody tr[data-span-key]');
  await expect(rows).toHaveCount(4);
  const names = (await rows.locator('.tv-c-name').allTextContents()).map((t) => t.trim());
  const services = (await rows.locator('.tv-c-service').allTextContents()).map((t) => t.trim());
  expect(Object.fromEntries(names.map((name, i) => [name, services[i]]))).toEqual({
    publish: 'app',
    'linked-root': 'billing',
    'active-on-root': 'billing',
    'child-after-await': 'billing',
  });
});

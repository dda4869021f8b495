// Orders are placed through the day, each in a trace of its own. At
// night a job exports them to the warehouse: a trace of its own,
// linking to each order it exports. The trace it produces has three of
// the mistakes the linter knows; the Problems tab lists them.
import { context, trace, type SpanContext } from '@opentelemetry/api';
import { scheduler, service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('shop');
const warehouse = service('warehouse', { latency: 50 });
const placed: Array<{ orderId: string; context: SpanContext }> = [];

async function placeOrder(orderId: string): Promise<void> {
  await tracer.startActiveSpan('place-order', { attributes: { 'order.id': orderId } }, async (span) => {
    await sleep(6);
    placed.push({ orderId, context: span.spanContext() });
    span.end();
  });
}

// TODO: fix the three problems the linter finds in this job's trace.
async function exportOrders(): Promise<void> {
  const job = tracer.startSpan('export-orders');
  for (const order of placed) job.addLink({ context: order.context });
  await context.with(trace.setSpan(context.active(), job), async () => {
    await tracer.startActiveSpan('upload-file', async () => {
      await warehouse.call('PUT /imports/orders.csv', { body: placed.map((order) => order.orderId) });
    });
  });
  job.end();
}

scheduler.at(20 * 60_000, exportOrders, { service: 'export-job' });

export default async function main(): Promise<void> {
  await service('storefront').run(async () => {
    for (const orderId of ['order-1', 'order-2', 'order-3']) {
      await placeOrder(orderId);
      await sleep(3 * 60_000);
    }
  });
}

// Orders are placed through the day, each in a trace of its own. At
// night a job exports them to the warehouse: a trace of its own,
// linking — from its start, each link saying which order it is — to
// each order it exports. Every span it starts is ended.
import { trace, type Link, type SpanContext } from '@opentelemetry/api';
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

async function exportOrders(): Promise<void> {
  const links: Link[] = placed.map((order) => ({ context: order.context, attributes: { 'order.id': order.orderId } }));
  await tracer.startActiveSpan('export-orders', { links }, async (job) => {
    await tracer.startActiveSpan('upload-file', async (upload) => {
      try {
        await warehouse.call('PUT /imports/orders.csv', { body: placed.map((order) => order.orderId) });
      } finally {
        upload.end();
      }
    });
    job.end();
  });
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

import { trace } from '@opentelemetry/api';
import { db, sleep } from '@spanlab/world';

const tracer = trace.getTracer('order-service');

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('process-order', async (order) => {
    await sleep(5);
    await db.insert('orders', { id: 'order-1' }); // process-order is active
    order.end();
  });
  await db.select('orders'); // and here?
}

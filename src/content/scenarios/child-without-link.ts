// The same checkout: the reservation is its child, and that is all it
// needs to say.
import { trace } from '@opentelemetry/api';
import { db } from '@spanlab/world';

const tracer = trace.getTracer('shop');

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('checkout', async (checkout) => {
    // No link: checkout is the parent, and the parent chain relates
    // them.
    await tracer.startActiveSpan('reserve-stock', async (reserve) => {
      await db.update('stock', { sku: 'tea' }, { reserved: 1 });
      reserve.end();
    });
    checkout.end();
  });
}

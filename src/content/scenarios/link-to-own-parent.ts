// Checkout reserves stock as its child, and the child also links to
// checkout: the link only repeats what the parent chain already says.
import { trace } from '@opentelemetry/api';
import { db } from '@spanlab/world';

const tracer = trace.getTracer('shop');

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('checkout', async (checkout) => {
    // The mistake: a link to the span that is already the parent.
    const link = { context: checkout.spanContext(), attributes: { 'link.type': 'caused-by' } };
    await tracer.startActiveSpan('reserve-stock', { links: [link] }, async (reserve) => {
      await db.update('stock', { sku: 'tea' }, { reserved: 1 });
      reserve.end();
    });
    checkout.end();
  });
}

// Three orders, each placed in a trace of its own, are billed on one
// invoice. The invoice has three causes and none of them alone started
// it: it starts a trace of its own and links to each.
import { trace, type Link, type SpanContext } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('billing');

interface Order {
  id: string;
  context: SpanContext;
}

async function placeOrder(id: string): Promise<Order> {
  const span = tracer.startSpan('place-order', { attributes: { 'order.id': id } });
  await sleep(10);
  span.end();
  return { id, context: span.spanContext() };
}

async function sendInvoice(orders: Order[]): Promise<void> {
  // A link per order, given when the span starts (where a head sampler
  // sees them), saying which order.
  const links: Link[] = orders.map(({ id, context }) => ({ context, attributes: { 'order.id': id } }));
  await tracer.startActiveSpan('send-invoice', { root: true, links }, async (invoice) => {
    await tracer.startActiveSpan('render-pdf', async (pdf) => {
      await sleep(5);
      pdf.end();
    });
    invoice.end();
  });
}

export default async function main(): Promise<void> {
  const orders: Order[] = [];
  for (const id of ['A', 'B', 'C']) orders.push(await placeOrder(id));
  await sendInvoice(orders);
}

// Three orders, each placed in a trace of its own, are billed on one
// invoice. The invoice has three causes, yet here it is the child of
// the first order alone: the other two lead nowhere.
import { context, trace, type SpanContext } from '@opentelemetry/api';
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
  // TODO: no single order is the invoice's cause. Start send-invoice in
  // a trace of its own, with a link to each order given at the start,
  // each link saying which order it is.
  const parent = trace.setSpanContext(context.active(), orders[0]!.context);
  await tracer.startActiveSpan('send-invoice', {}, parent, async (invoice) => {
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

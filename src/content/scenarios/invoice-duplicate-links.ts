// The daily invoice links to the orders paid today and to the orders
// shipped today, two lists built in two places. Order o-1 is in both,
// so the invoice links to it twice.
import { trace, type Link } from '@opentelemetry/api';

const tracer = trace.getTracer('billing');

export default function main(): void {
  const orders = new Map<string, Link>();
  for (const id of ['o-1', 'o-2']) {
    const order = tracer.startSpan(`order ${id}`);
    order.end();
    orders.set(id, { context: order.spanContext(), attributes: { 'order.id': id } });
  }
  const paid = ['o-1', 'o-2'].map((id) => orders.get(id)!);
  const shipped = ['o-1'].map((id) => orders.get(id)!);
  // The mistake: the lists are joined as they are, so o-1 is linked
  // twice.
  tracer.startSpan('daily-invoice', { links: [...paid, ...shipped] }).end();
}

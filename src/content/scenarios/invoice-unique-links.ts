// The same invoice, each order linked once: the two lists are merged by
// order id first.
import { trace, type Link } from '@opentelemetry/api';

const tracer = trace.getTracer('billing');

export default function main(): void {
  const orders = new Map<string, Link>();
  for (const id of ['o-1', 'o-2']) {
    const order = tracer.startSpan(`order ${id}`);
    order.end();
    orders.set(id, { context: order.spanContext(), attributes: { 'order.id': id } });
  }
  const paid = ['o-1', 'o-2'];
  const shipped = ['o-1'];
  // One link per order, whichever lists it is in.
  const links = [...new Set([...paid, ...shipped])].map((id) => orders.get(id)!);
  tracer.startSpan('daily-invoice', { links }).end();
}

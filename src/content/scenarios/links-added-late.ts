import { trace, type Link } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('billing');

export default async function main(): Promise<void> {
  const orders: Link[] = ['A', 'B'].map((id) => {
    const order = tracer.startSpan(`order ${id}`);
    order.end();
    return { context: order.spanContext(), attributes: { 'order.id': id } };
  });
  const invoice = tracer.startSpan('send-invoice');
  invoice.addLinks(orders); // after the start: no head sampler saw them
  await sleep(10);
  invoice.end();
}

import { trace, type Link } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('shop');
export default async function main(): Promise<void> {
  const links: Link[] = [];
  for (const id of ['A', 'B']) {
    const order = tracer.startSpan(`order ${id}`); // no parent: a root
    await sleep(10);
    order.end();
    links.push({ context: order.spanContext(), attributes: { order: id } });
  }
  tracer.startActiveSpan('send-invoice', { links }, (span) => {
    tracer.startSpan('render-pdf').end(); // send-invoice is active: its child
    span.end();
  });
}

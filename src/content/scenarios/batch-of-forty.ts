// Forty orders, each placed in a trace of its own, are processed in one
// batch that links to every one of them: allowed, but no view stays
// readable and no one follows forty links.
import { trace, type Link } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('orders');

export default function main(): void {
  const orders: Link[] = [];
  service('shop').run(() => {
    for (let n = 1; n <= 40; n++) {
      const order = tracer.startSpan(`place-order o-${n}`);
      order.end();
      orders.push({ context: order.spanContext(), attributes: { 'order.id': `o-${n}` } });
    }
  });
  // One batch for all forty: forty links.
  tracer.startSpan('process-orders', { links: orders }).end();
}

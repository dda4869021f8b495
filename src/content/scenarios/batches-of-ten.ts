// The same forty orders, handled in batches of ten: each batch links to
// the ten orders it processed, few enough to follow.
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
  // Four batches of ten: ten links each.
  for (let i = 0; i < orders.length; i += 10) {
    tracer.startSpan('process-orders', { links: orders.slice(i, i + 10) }).end();
  }
}

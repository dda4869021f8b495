import { trace } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('shop');

export default async function main() {
  const orders = [1, 2, 3, 4, 5].map((n) => {
    const order = tracer.startSpan(`place-order ${n}`);
    order.end();
    return { context: order.spanContext(), attributes: { 'order.id': n } };
  });
  await sleep(50);
  tracer.startSpan('send-digest', { links: orders }).end();
}

import { trace } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('shop');

export default async function main() {
  const orders = [1, 2, 3, 4, 5].map((id) => {
    const order = tracer.startSpan(`place-order ${id}`);
    order.end();
    const attributes = { 'order.id': id };
    return { context: order.spanContext(), attributes };
  });
  await sleep(50);
  tracer.startSpan('send-digest', { links: orders }).end();
}

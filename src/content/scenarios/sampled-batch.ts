// Eight orders, each sent in a trace of its own, are processed in one
// batch that links to each. The run keeps about half of the traces
// (ratio:0.5): the sampler decides each trace from its trace id, the
// batch's too, so a kept batch can link into traces no backend ever
// received.
import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, service, sleep, type Message } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

async function processBatch(messages: Message[]): Promise<void> {
  const links: Link[] = [];
  for (const message of messages) {
    const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    if (creation) links.push({ context: creation, attributes: { 'messaging.message.id': message.id } });
  }
  // Given at the start: the sampler is shown these links (the SDK's own
  // samplers ignore them).
  const batch = tracer.startSpan('process batch', { kind: SpanKind.CONSUMER, links });
  await context.with(trace.setSpan(context.active(), batch), async () => {
    for (const message of messages) {
      const span = tracer.startSpan(`handle ${message.id}`);
      await sleep(5);
      span.end();
    }
  });
  batch.end();
}

orders.subscribeBatch(processBatch, { service: 'order-worker', maxMessages: 8, maxWaitMs: 50 });

export default async function main(): Promise<void> {
  await service('shop').run(async () => {
    for (const orderId of ['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6', 'o-7', 'o-8']) {
      await tracer.startActiveSpan(`send ${orderId}`, { kind: SpanKind.PRODUCER }, async (span) => {
        await orders.publish({ orderId });
        span.end();
      });
    }
  });
}

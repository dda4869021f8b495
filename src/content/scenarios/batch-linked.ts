// The same batch, linked: the batch span extracts each message's
// creation context and links to it at the start, with the message's id,
// so every order's trace leads to the batch.
import { propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, type Message } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

function processBatch(messages: Message[]): void {
  const attributes = { 'messaging.batch.message_count': messages.length };
  const links: Link[] = messages.flatMap((message) => {
    const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    return creation ? [{ context: creation, attributes: { 'messaging.message.id': message.id } }] : [];
  });
  tracer.startSpan('process orders', { kind: SpanKind.CONSUMER, attributes, links }).end();
}
orders.subscribeBatch(processBatch, { service: 'order-worker', maxMessages: 3 });

export default async function main(): Promise<void> {
  for (const orderId of ['o-1', 'o-2', 'o-3']) {
    await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
      await orders.publish({ orderId }); // puts this span's context in the headers
      send.end();
    });
  }
}

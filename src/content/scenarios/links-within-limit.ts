// The same 150 messages, taken 25 at a time: each batch's span keeps
// every one of its links.
import { propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, type Message } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

function processBatch(messages: Message[]): void {
  const links: Link[] = messages.flatMap((message) => {
    const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    return creation ? [{ context: creation, attributes: { 'messaging.message.id': message.id } }] : [];
  });
  tracer.startSpan('process orders', { kind: SpanKind.CONSUMER, links }).end();
}
// Smaller batches: 25 links a span, all kept.
orders.subscribeBatch(processBatch, { service: 'order-worker', maxMessages: 25 });

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
    await orders.publishBatch(Array.from({ length: 150 }, (_, n) => ({ body: { order: n + 1 } })));
    send.end();
  });
}

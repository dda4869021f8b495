// A shop sends 150 orders in one request; one creation context serves
// them all. The worker takes all 150 in one batch and links once per
// message, as the messaging conventions ask: 150 links, past the SDK's
// limit of 128 per span, so it drops 22 of them.
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
orders.subscribeBatch(processBatch, { service: 'order-worker', maxMessages: 150 });

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
    await orders.publishBatch(Array.from({ length: 150 }, (_, n) => ({ body: { order: n + 1 } })));
    send.end();
  });
}

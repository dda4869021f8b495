// The same consumer, linked: it extracts the message's creation context
// and links to it at the start, with the message's id.
import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { broker, type Message } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

orders.subscribe(
  (message: Message) => {
    const attributes = { 'messaging.message.id': message.id };
    const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    const links = creation ? [{ context: creation, attributes }] : [];
    tracer.startSpan('process orders', { kind: SpanKind.CONSUMER, attributes, links }).end();
  },
  { service: 'shipping' },
);

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
    await orders.publish({ orderId: 'o-1' }); // puts this span's context in the headers
    send.end();
  });
}

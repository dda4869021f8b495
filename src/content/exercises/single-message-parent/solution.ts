// The shop publishes one order; the shipping service consumes it and
// books a shipment. Shipping does this work because of this one order,
// so its span continues the order's trace: the message's creation
// context, extracted from its headers, is the parent of the consumer
// span, which also links to it, as the messaging conventions ask of
// every process span.
import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { broker, db, service, type Message } from '@spanlab/world';

interface Order {
  orderId: string;
}

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

async function handle(message: Message<Order>): Promise<void> {
  const creation = propagation.extract(ROOT_CONTEXT, message.headers);
  const producer = trace.getSpanContext(creation);
  const options = {
    kind: SpanKind.CONSUMER,
    // The conventions ask a process span to link to each message's
    // creation context, parent or not.
    links: producer ? [{ context: producer, attributes: { 'messaging.message.id': message.id } }] : [],
    attributes: { 'messaging.operation.type': 'process', 'messaging.message.id': message.id },
  };
  await tracer.startActiveSpan('process orders', options, creation, async (span) => {
    await db.insert('shipments', { orderId: message.body.orderId });
    span.end();
  });
}

orders.subscribe<Order>(handle, { service: 'shipping' });

export default async function main(): Promise<void> {
  await service('shop').run(() =>
    tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (span) => {
      await orders.publish<Order>({ orderId: 'o-1' }); // injects this span's context into the headers
      span.end();
    }),
  );
}

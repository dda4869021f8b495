// The shop publishes one order; the shipping service consumes it and
// books a shipment. Shipping does this work because of this one order,
// yet its span starts a trace of its own with nothing leading back to
// the order: the context the producer put in the message is never read.
import { SpanKind, trace } from '@opentelemetry/api';
import { broker, db, service, type Message } from '@spanlab/world';

interface Order {
  orderId: string;
}

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

async function handle(message: Message<Order>): Promise<void> {
  const options = {
    kind: SpanKind.CONSUMER,
    attributes: { 'messaging.operation.type': 'process', 'messaging.message.id': message.id },
  };
  // TODO: relate this span to the message's creation context (in its
  // headers) twice: a link to it carrying `messaging.message.id`, and
  // the parent, so the producer's trace continues.
  await tracer.startActiveSpan('process orders', options, async (span) => {
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

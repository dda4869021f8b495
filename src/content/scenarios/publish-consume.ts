// One order is published once, and two services consume it; each chooses how its span relates
// to the producer's. Shipping makes its span a child of the message's creation context: its work
// directly continues this one order, so it belongs in the order's trace. Analytics starts a trace
// of its own and links back, so its timing and failures stay out of the order's trace. For a
// single message the messaging conventions allow both; for a batch, only links can work.
import { context, propagation, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, db, service, type Message } from '@spanlab/world';

interface Order {
  orderId: string;
}

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

const consumerAttributes = (message: Message<Order>) => ({
  'messaging.operation.type': 'process',
  'messaging.destination.name': message.topic,
  'messaging.message.id': message.id,
});

// As a child: the context the producer put in the headers becomes the parent.
orders.subscribe<Order>(
  async (message) => {
    const creation = propagation.extract(context.active(), message.headers);
    const options = { kind: SpanKind.CONSUMER, attributes: consumerAttributes(message) };
    await tracer.startActiveSpan('process orders', options, creation, async (span) => {
      await db.insert('shipments', { orderId: message.body.orderId });
      span.end();
    });
  },
  { service: 'shipping' },
);

// As a link: a new trace, linked at its start to the message's creation context.
orders.subscribe<Order>(
  async (message) => {
    const creation = trace.getSpanContext(propagation.extract(context.active(), message.headers));
    const links: Link[] = creation ? [{ context: creation, attributes: { 'messaging.message.id': message.id } }] : [];
    const options = { kind: SpanKind.CONSUMER, links, attributes: consumerAttributes(message) };
    await tracer.startActiveSpan('process orders', options, async (span) => {
      await db.update('daily_stats', { day: '2025-01-01' }, { orders: 1 });
      span.end();
    });
  },
  { service: 'analytics' },
);

export default async function main(): Promise<void> {
  await service('shop').run(() =>
    tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (span) => {
      // publish() injects the active context — this span — into the message headers.
      await orders.publish<Order>({ orderId: 'o-1' });
      span.end();
    }),
  );
}

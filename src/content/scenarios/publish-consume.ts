// One order is published once, and two services consume it. The
// messaging conventions say each process span SHOULD link to the
// message's creation context, and for a single message MAY also take it
// as parent. Both consumers link. Shipping also makes its span a child
// of the creation context: its work directly continues this one order,
// and no other span is active around it. Analytics starts a trace of
// its own, so its timing and failures stay out of the order's trace.
// For a batch, only links can work: a span has one parent.
import { propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
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

// The link every process span should have to the message's creation
// context.
const creationLinks = (creation: ReturnType<typeof trace.getSpanContext>, message: Message<Order>): Link[] =>
  creation ? [{ context: creation, attributes: { 'messaging.message.id': message.id } }] : [];

// As a child, and linked: the context the producer put in the headers
// becomes the parent. The handler runs in no other span, so no ambient
// span is pushed aside.
orders.subscribe<Order>(
  async (message) => {
    const creation = propagation.extract(ROOT_CONTEXT, message.headers);
    const links = creationLinks(trace.getSpanContext(creation), message);
    const options = { kind: SpanKind.CONSUMER, links, attributes: consumerAttributes(message) };
    await tracer.startActiveSpan('process orders', options, creation, async (span) => {
      await db.insert('shipments', { orderId: message.body.orderId });
      span.end();
    });
  },
  { service: 'shipping' },
);

// As a link: a new trace, linked at its start to the message's creation
// context.
orders.subscribe<Order>(
  async (message) => {
    const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    const links = creationLinks(creation, message);
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
      // publish() injects the active context — this span — into the
      // message headers.
      await orders.publish<Order>({ orderId: 'o-1' });
      span.end();
    }),
  );
}

// Six orders, each sent in a trace of its own and consumed twice.
// Analytics starts a trace of its own with a link: the link carries the
// producer's sampled flag, but the SDK's samplers read only the parent,
// so its trace is sampled on its own — kept when the order was dropped,
// or dropped when it was kept. Shipping continues the order's trace:
// its span is a child of the message's creation context, so a
// ParentBased sampler gives it the producer's decision.
import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { broker, service, type Message } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

const creationLinks = (message: Message) => {
  const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
  return creation ? [{ context: creation, attributes: { 'messaging.message.id': message.id } }] : [];
};

// A new trace, linked to the creation context.
orders.subscribe(
  (message) => {
    const options = { kind: SpanKind.CONSUMER, root: true, links: creationLinks(message) };
    tracer.startSpan(`count ${message.id}`, options).end();
  },
  { service: 'analytics' },
);

// A child of the creation context (and linked to it, as the messaging
// conventions ask).
orders.subscribe(
  (message) => {
    const creation = propagation.extract(ROOT_CONTEXT, message.headers);
    const options = { kind: SpanKind.CONSUMER, links: creationLinks(message) };
    tracer.startSpan(`ship ${message.id}`, options, creation).end();
  },
  { service: 'shipping' },
);

export default async function main(): Promise<void> {
  await service('shop').run(async () => {
    for (const orderId of ['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6']) {
      await tracer.startActiveSpan(`send ${orderId}`, { kind: SpanKind.PRODUCER }, async (span) => {
        await orders.publish({ orderId });
        span.end();
      });
    }
  });
}

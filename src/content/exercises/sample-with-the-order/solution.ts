import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { broker, db, service } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

orders.subscribe<{ orderId: string }>(
  async (message) => {
    const creation = propagation.extract(ROOT_CONTEXT, message.headers);
    const producer = trace.getSpanContext(creation);
    const links = producer ? [{ context: producer, attributes: { 'messaging.message.id': message.id } }] : [];
    // A child of the message's creation context: ParentBased gives it
    // the producer's decision.
    const options = { kind: SpanKind.CONSUMER, links };
    await tracer.startActiveSpan('ship order', options, creation, async (span) => {
      await db.insert('shipments', { orderId: message.body.orderId });
      span.end();
    });
  },
  { service: 'shipping' },
);

export default async function main(): Promise<void> {
  await service('shop').run(async () => {
    for (const orderId of ['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6']) {
      await tracer.startActiveSpan('send order', { kind: SpanKind.PRODUCER }, async (span) => {
        await orders.publish({ orderId });
        span.end();
      });
    }
  });
}

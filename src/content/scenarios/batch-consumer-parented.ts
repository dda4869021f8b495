// The batch consumer written the tempting way: the batch span continues
// the trace of the first message in the batch. It looks tidy in that
// one trace, but the batch now sits under a producer that caused a
// third of its work, and the traces of the other two orders never lead
// to it.
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { broker, service, sleep, type Message } from '@spanlab/world';

const tracer = trace.getTracer('message-consumer');
const orders = broker.topic('orders');

async function produce(orderId: string): Promise<void> {
  await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (span) => {
    await orders.publish({ orderId });
    span.end();
  });
}

async function consumeBatch(messages: Message[]): Promise<void> {
  // The mistake: one message's creation context is made the parent of
  // work for all of them.
  const first = propagation.extract(ROOT_CONTEXT, messages[0]!.headers);
  const batch = tracer.startSpan(
    'process-message-batch',
    {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.batch.message_count': messages.length, 'messaging.operation.type': 'process' },
    },
    first,
  );
  await context.with(trace.setSpan(first, batch), async () => {
    for (const message of messages) {
      const span = tracer.startSpan(`process-message ${message.id}`, {
        attributes: { 'messaging.message.id': message.id },
      });
      await sleep(5);
      span.end();
    }
  });
  batch.end();
}

orders.subscribeBatch(consumeBatch, { service: 'order-worker', maxMessages: 3, maxWaitMs: 50 });

export default async function main(): Promise<void> {
  const shop = service('shop');
  await shop.run(async () => {
    for (const id of ['o-1', 'o-2', 'o-3']) {
      await produce(id);
      await sleep(10);
    }
  });
}

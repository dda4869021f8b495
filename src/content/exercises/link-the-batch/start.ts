// Three orders are published independently: three traces. A worker
// consumes them in one batch, and makes the batch the child of the
// first message's producer — so the first order's trace holds work done
// for all three, and the other two orders' traces never lead to it.
import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { broker, service, sleep, type Message } from '@spanlab/world';

const tracer = trace.getTracer('order-worker');
const orders = broker.topic('orders');

async function consumeBatch(messages: Message[]): Promise<void> {
  // TODO: start the batch as a root, with one link per message to its
  // producer's span, each link carrying `messaging.message.id`; then
  // give each message a child span of the batch.
  const first = propagation.extract(ROOT_CONTEXT, messages[0]!.headers);
  const batch = tracer.startSpan(
    'process-message-batch',
    { kind: SpanKind.CONSUMER, attributes: { 'messaging.batch.message_count': messages.length } },
    first,
  );
  for (const message of messages) {
    await sleep(5);
    console.log(`shipped ${message.id}`);
  }
  batch.end();
}

orders.subscribeBatch(consumeBatch, { service: 'order-worker', maxMessages: 3, maxWaitMs: 50 });

export default async function main(): Promise<void> {
  await service('shop').run(async () => {
    for (const orderId of ['o-1', 'o-2', 'o-3']) {
      await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (span) => {
        await orders.publish({ orderId }); // puts this span's context in the message headers
        span.end();
      });
      await sleep(10);
    }
  });
}

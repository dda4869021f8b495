// Three orders are published independently: three traces. A worker
// consumes them in one batch. The batch cannot have three parents, so
// it starts a trace of its own and links, at its start, to each
// message's producer; each message is then processed in a child span of
// the batch.
import { propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, service, sleep, type Message } from '@spanlab/world';

const tracer = trace.getTracer('order-worker');
const orders = broker.topic('orders');

async function consumeBatch(messages: Message[]): Promise<void> {
  const links: Link[] = [];
  for (const message of messages) {
    const producer = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    if (producer) links.push({ context: producer, attributes: { 'messaging.message.id': message.id } });
  }
  await tracer.startActiveSpan(
    'process-message-batch',
    { kind: SpanKind.CONSUMER, links, attributes: { 'messaging.batch.message_count': messages.length } },
    async (batch) => {
      for (const message of messages) {
        await tracer.startActiveSpan(
          `process-message ${message.id}`,
          { attributes: { 'messaging.message.id': message.id } },
          async (span) => {
            await sleep(5);
            console.log(`shipped ${message.id}`);
            span.end();
          },
        );
      }
      batch.end();
    },
  );
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

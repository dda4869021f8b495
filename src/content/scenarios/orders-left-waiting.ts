// Four orders are sent, each in a trace of its own. The worker pulls
// once, at most three messages, and processes them in a batch span that
// links to each message's producer. One order is refused and sent on to
// a dead-letter topic nobody reads; the fourth order is still waiting
// at the end.
import { propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, service, sleep, type Message, type Topic } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');
const deadLetters = broker.topic('orders.dlq');

type Order = { orderId: string; total: number };
const ORDERS: Order[] = [
  { orderId: 'o-1', total: 30 },
  { orderId: 'o-2', total: -5 }, // the worker refuses it
  { orderId: 'o-3', total: 12 },
  { orderId: 'o-4', total: 8 },
];

async function send(topic: Topic, order: Order): Promise<void> {
  await tracer.startActiveSpan(`send ${topic.name}`, { kind: SpanKind.PRODUCER }, async (span) => {
    await topic.publish(order); // puts this span's context in the headers
    span.end();
  });
}

async function processBatch(messages: Message<Order>[]): Promise<void> {
  const links: Link[] = [];
  for (const message of messages) {
    const producer = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    if (producer) links.push({ context: producer, attributes: { 'messaging.message.id': message.id } });
  }
  const attributes = { 'messaging.batch.message_count': messages.length };
  await tracer.startActiveSpan('process orders', { kind: SpanKind.CONSUMER, links, attributes }, async (batch) => {
    for (const { id, body } of messages) {
      if (body.total < 0) {
        await send(deadLetters, body); // refused: a child of the batch
        continue;
      }
      await tracer.startActiveSpan(`process-message ${id}`, async (span) => {
        await sleep(5);
        span.end();
      });
    }
    batch.end();
  });
}

export default async function main(): Promise<void> {
  await service('shop').run(async () => {
    for (const order of ORDERS) {
      await send(orders, order);
      await sleep(10);
    }
  });
  await service('order-worker').run(async () => processBatch(await orders.receive({ maxMessages: 3 })));
}

// Three producers publish independently: three traces. One consumer
// takes the messages in a batch. The batch span cannot have three
// parents, so it starts a trace of its own and links to each message's
// producer span; each message is then processed as a child of the
// batch.
import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, service, sleep, type Message } from '@spanlab/world';

const tracer = trace.getTracer('message-consumer');
const orders = broker.topic('orders');

async function produce(orderId: string): Promise<void> {
  await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (span) => {
    // publish() puts the active context (this span) into the message
    // headers.
    await orders.publish({ orderId });
    span.end();
  });
}

async function consumeBatch(messages: Message[]): Promise<void> {
  const links: Link[] = [];
  for (const message of messages) {
    const producer = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    if (producer) links.push({ context: producer, attributes: { 'messaging.message.id': message.id } });
  }
  // Links are given at start, where samplers can see them.
  const batch = tracer.startSpan('process-message-batch', {
    kind: SpanKind.CONSUMER,
    links,
    attributes: { 'messaging.batch.message_count': messages.length, 'messaging.operation.type': 'process' },
  });
  await context.with(trace.setSpan(context.active(), batch), async () => {
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

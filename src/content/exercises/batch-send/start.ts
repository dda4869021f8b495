// An outbox job sends the orders waiting in it to the `orders` topic in
// one batch; a fulfilment worker pulls them. Here the send span is
// every message's creation context, and the worker's receive span is a
// CONSUMER that links to none of them.
import { SpanKind, trace } from '@opentelemetry/api';
import { broker, service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('order-service');
const orders = broker.topic('orders');

async function flushOutbox(ids: string[]): Promise<void> {
  await tracer.startActiveSpan('flush-outbox', async (job) => {
    // TODO: first a PRODUCER `create orders` span per message, its
    // context injected into that message's headers; then a CLIENT `send
    // orders` span that links to each of them.
    const count = { 'messaging.batch.message_count': ids.length };
    await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER, attributes: count }, async (send) => {
      await orders.publishBatch(ids.map((id) => ({ id, body: { orderId: id } })));
      send.end();
    });
    job.end();
  });
}

async function pull(): Promise<void> {
  // TODO: a pull consumer's `receive orders` is a CLIENT span, linked
  // when it starts to each message's creation context.
  const receive = tracer.startSpan('receive orders', { kind: SpanKind.CONSUMER, root: true });
  const messages = await orders.receive({ maxMessages: 10 });
  receive.setAttribute('messaging.batch.message_count', messages.length);
  receive.end();
}

export default async function main(): Promise<void> {
  await flushOutbox(['o-1', 'o-2', 'o-3']);
  await sleep(20);
  await service('fulfilment').run(pull);
}

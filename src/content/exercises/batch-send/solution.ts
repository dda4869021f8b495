// An outbox job sends the orders waiting in it to the `orders` topic in
// one batch; a fulfilment worker pulls them. Each message gets a
// creation context of its own from a `create` span; the batch's `send`
// span and the worker's pull (`receive`) both link to every one of
// them.
import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { broker, service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('order-service');
const orders = broker.topic('orders');

async function flushOutbox(ids: string[]): Promise<void> {
  await tracer.startActiveSpan('flush-outbox', async (job) => {
    const messages = ids.map((id) => {
      const attributes = { 'messaging.message.id': id };
      const create = tracer.startSpan('create orders', { kind: SpanKind.PRODUCER, attributes });
      const headers: Record<string, string> = {};
      propagation.inject(trace.setSpan(context.active(), create), headers); // the creation context
      create.end();
      return { id, body: { orderId: id }, headers, link: { context: create.spanContext(), attributes } };
    });
    const links: Link[] = messages.map((message) => message.link);
    const count = { 'messaging.batch.message_count': ids.length };
    await tracer.startActiveSpan('send orders', { kind: SpanKind.CLIENT, links, attributes: count }, async (send) => {
      await orders.publishBatch(messages.map(({ id, body, headers }) => ({ id, body, headers })));
      send.end();
    });
    job.end();
  });
}

async function pull(): Promise<void> {
  // The links are known only once the messages are here: start the span
  // then, dated to the request.
  const asked = Date.now();
  const messages = await orders.receive({ maxMessages: 10 });
  const links: Link[] = messages.flatMap((message) => {
    const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    return creation ? [{ context: creation, attributes: { 'messaging.message.id': message.id } }] : [];
  });
  const attributes = { 'messaging.batch.message_count': messages.length };
  tracer.startSpan('receive orders', { kind: SpanKind.CLIENT, root: true, startTime: asked, links, attributes }).end();
}

export default async function main(): Promise<void> {
  await flushOutbox(['o-1', 'o-2', 'o-3']);
  await sleep(20);
  await service('fulfilment').run(pull);
}

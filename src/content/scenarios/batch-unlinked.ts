// Three orders, each sent in a trace of its own, reach the worker in
// one batch. The batch span says it handles three messages, but links
// to none of them.
import { SpanKind, trace } from '@opentelemetry/api';
import { broker, type Message } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

function processBatch(messages: Message[]): void {
  const attributes = { 'messaging.batch.message_count': messages.length };
  // The mistake: no links, so no order's trace leads to this batch.
  tracer.startSpan('process orders', { kind: SpanKind.CONSUMER, attributes }).end();
}
orders.subscribeBatch(processBatch, { service: 'order-worker', maxMessages: 3 });

export default async function main(): Promise<void> {
  for (const orderId of ['o-1', 'o-2', 'o-3']) {
    await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
      await orders.publish({ orderId }); // puts this span's context in the headers
      send.end();
    });
  }
}

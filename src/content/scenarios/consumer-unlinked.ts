// One order is published; shipping processes it in a consumer span that
// has neither a parent nor a link, so nothing leads from the order's
// trace to the shipment.
import { SpanKind, trace } from '@opentelemetry/api';
import { broker, type Message } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = broker.topic('orders');

orders.subscribe(
  (message: Message) => {
    const attributes = { 'messaging.message.id': message.id };
    // The mistake: the message's headers carry its creation context;
    // nothing reads them.
    tracer.startSpan('process orders', { kind: SpanKind.CONSUMER, attributes }).end();
  },
  { service: 'shipping' },
);

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
    await orders.publish({ orderId: 'o-1' }); // puts this span's context in the headers
    send.end();
  });
}

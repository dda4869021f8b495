import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { broker } from '@spanlab/world';

const tracer = trace.getTracer('shop');
const emails = broker.topic('emails');
emails.subscribe((message) => {
  const sent = propagation.extract(ROOT_CONTEXT, message.headers);
  const attributes = { 'messaging.message.id': message.id };
  const links = [{ context: trace.getSpanContext(sent)!, attributes }];
  tracer.startSpan('process emails', { kind: SpanKind.CONSUMER, links }).end();
});
export default async function main(): Promise<void> {
  await tracer.startActiveSpan('POST /orders', async (order) => {
    await emails.publish({ to: 'ada' });
    order.end();
  });
}

// Orders are placed through the morning, each in a trace of its own.
// Half an hour later a job sends one digest e-mail about all of them,
// and links to each order's span so that every order's trace leads to
// the e-mail that mentions it. The links are known before the span
// starts, so they are given at its start, where a sampler can take them
// into account.
import { trace, type Link, type SpanContext } from '@opentelemetry/api';
import { scheduler, service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('shop');
const mailer = service('mailer', { latency: 30 });
const placed: Array<{ orderId: string; context: SpanContext }> = [];

async function placeOrder(orderId: string): Promise<void> {
  await tracer.startActiveSpan('place-order', { attributes: { 'order.id': orderId } }, async (span) => {
    await sleep(8);
    placed.push({ orderId, context: span.spanContext() });
    span.end();
  });
}

async function sendDigest(): Promise<void> {
  const links: Link[] = placed.map((order) => ({ context: order.context, attributes: { 'order.id': order.orderId } }));
  await tracer.startActiveSpan('send-digest', { links }, async (span) => {
    await mailer.call('POST /emails', { body: { orders: placed.length } });
    span.end();
  });
}

scheduler.at(30 * 60_000, sendDigest, { service: 'digest-job' });

export default async function main(): Promise<void> {
  await service('storefront').run(async () => {
    for (const orderId of ['order-1', 'order-2', 'order-3']) {
      await placeOrder(orderId);
      await sleep(5 * 60_000);
    }
  });
}

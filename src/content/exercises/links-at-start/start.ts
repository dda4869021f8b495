// Orders are placed through the morning, each in a trace of its own.
// Half an hour later a job sends one digest e-mail about all of them,
// and links to each order's span so that every order's trace leads to
// the e-mail that mentions it. The links are added once the span has
// started, though — after the sampler has already decided whether to
// keep the trace.
import { trace, type SpanContext } from '@opentelemetry/api';
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
  await tracer.startActiveSpan('send-digest', async (span) => {
    // TODO: give these links in the options of startActiveSpan instead,
    // so a sampler sees them.
    for (const order of placed) {
      span.addLink({ context: order.context, attributes: { 'order.id': order.orderId } });
    }
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

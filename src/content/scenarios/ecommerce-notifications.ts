// Placing an order does its synchronous work as children of
// `place-order`: reserve stock, charge the card, save the order. The
// confirmation e-mail is not sent then: the order goes into an outbox
// together with the span context that placed it. Every 30 seconds a
// notification job reads the outbox and sends what is waiting as one
// batch. No order caused the job, so it is a trace of its own; the
// batch span links, at its start, to each order it sends an e-mail for.
import { trace, type Link } from '@opentelemetry/api';
import { db, scheduler, service, sleep } from '@spanlab/world';

// A row of the outbox table (a type alias, so it fits the database's
// row type).
type OutboxEntry = { orderId: string; traceId: string; spanId: string; traceFlags: number };

const tracer = trace.getTracer('shop');
const inventory = service('inventory', { latency: 8 }).route('POST /reservations', () => ({ reserved: true }));
const payments = service('payments', { latency: 30 }).route('POST /charges', () => ({ charged: true }));
const email = service('email-service', { latency: 12 }).route('POST /messages', () => ({ queued: true }));

async function placeOrder(orderId: string): Promise<void> {
  await tracer.startActiveSpan('place-order', { attributes: { 'order.id': orderId } }, async (span) => {
    await inventory.call('POST /reservations', { body: { orderId } });
    await payments.call('POST /charges', { body: { orderId } });
    await db.insert('orders', { orderId });
    // The span context is stored whole, flags included, so the link
    // keeps whether it was sampled.
    const { traceId, spanId, traceFlags } = span.spanContext();
    await db.insert('outbox', { orderId, traceId, spanId, traceFlags });
    span.end();
  });
}

async function sendNotifications(): Promise<void> {
  // The scheduler starts jobs in an empty context: the job is the root
  // of a new trace.
  await tracer.startActiveSpan('notification-job', async (job) => {
    const pending = await db.select<OutboxEntry>('outbox');
    const links: Link[] = pending.map((entry) => ({
      context: { traceId: entry.traceId, spanId: entry.spanId, traceFlags: entry.traceFlags },
      attributes: { 'order.id': entry.orderId },
    }));
    const options = { links, attributes: { 'notification.count': pending.length } };
    await tracer.startActiveSpan('send-notification-batch', options, async (batch) => {
      for (const entry of pending) {
        await tracer.startActiveSpan(
          'send-confirmation',
          { attributes: { 'order.id': entry.orderId } },
          async (span) => {
            await email.call('POST /messages', { body: { template: 'order-confirmed', orderId: entry.orderId } });
            span.end();
          },
        );
      }
      await db.delete('outbox');
      batch.end();
    });
    job.end();
  });
}

scheduler.every(30_000, sendNotifications, { service: 'notifier', times: 2 });

export default async function main(): Promise<void> {
  const storefront = service('storefront');
  await storefront.run(() => placeOrder('order-1'));
  await sleep(5_000);
  await storefront.run(() => placeOrder('order-2'));
  await sleep(35_000);
  await storefront.run(() => placeOrder('order-3'));
}

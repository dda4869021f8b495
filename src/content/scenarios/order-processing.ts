// An order is processed in three steps. Each step exists only because
// the order is being processed, so each is a child of `process-order` —
// even the ones that start after an `await`.
import { context, trace } from '@opentelemetry/api';
import { db, service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('order-service');
const payments = service('payment-service', { latency: 40 });

async function processOrder(orderId: string): Promise<void> {
  const order = tracer.startSpan('process-order', { attributes: { 'order.id': orderId } });
  try {
    await context.with(trace.setSpan(context.active(), order), async () => {
      const validate = tracer.startSpan('validate-order');
      await sleep(10);
      validate.end();

      const payment = tracer.startSpan('process-payment');
      await context.with(trace.setSpan(context.active(), payment), () =>
        payments.call('POST /charge', { body: { orderId } }),
      );
      payment.end();

      await tracer.startActiveSpan('send-confirmation', async (confirm) => {
        await db.insert('confirmations', { orderId });
        confirm.end();
      });
    });
  } finally {
    order.end();
  }
}

export default async function main(): Promise<void> {
  await processOrder('order-1001');
}

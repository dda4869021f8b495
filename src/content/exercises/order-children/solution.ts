// An order is validated, charged and shipped. Each step happens only
// because the order is being processed, so each is a child of
// `process-order`: the order's span is made active, and every span
// started while it is active — after an `await` too — takes it as
// parent.
import { trace } from '@opentelemetry/api';
import { db, service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('order-service');
const payments = service('payment-service', { latency: 40 });

async function processOrder(orderId: string): Promise<void> {
  await tracer.startActiveSpan('process-order', { attributes: { 'order.id': orderId } }, async (order) => {
    try {
      await tracer.startActiveSpan('validate-order', async (validate) => {
        await sleep(10);
        validate.end();
      });

      // Active, so the payment call's CLIENT span becomes its child
      // too.
      await tracer.startActiveSpan('charge-payment', async (charge) => {
        await payments.call('POST /charge', { body: { orderId } });
        charge.end();
      });

      await tracer.startActiveSpan('ship-order', async (ship) => {
        await db.insert('shipments', { orderId });
        ship.end();
      });
    } finally {
      order.end();
    }
  });
}

export default async function main(): Promise<void> {
  await processOrder('order-1001');
}

// An order is validated, charged and shipped. Each step happens only
// because the order is being processed, yet the run shows six separate
// traces: `process-order` is started but never made the active span, so
// every step started after it has no parent.
import { trace } from '@opentelemetry/api';
import { db, service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('order-service');
const payments = service('payment-service', { latency: 40 });

async function processOrder(orderId: string): Promise<void> {
  const order = tracer.startSpan('process-order', { attributes: { 'order.id': orderId } });

  // TODO: make validate-order, charge-payment and ship-order children
  // of process-order, so the whole order — the payment call and the
  // database write included — is one trace.
  const validate = tracer.startSpan('validate-order');
  await sleep(10);
  validate.end();

  const charge = tracer.startSpan('charge-payment');
  await payments.call('POST /charge', { body: { orderId } });
  charge.end();

  const ship = tracer.startSpan('ship-order');
  await db.insert('shipments', { orderId });
  ship.end();

  order.end();
}

export default async function main(): Promise<void> {
  await processOrder('order-1001');
}

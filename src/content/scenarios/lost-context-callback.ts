import { trace } from '@opentelemetry/api';
import { driver, service } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const orders = service('orders', { latency: 2 });
orders.route('GET /orders', () => {
  return new Promise((resolve) => {
    driver.query('SELECT * FROM orders', (_error, result) => {
      tracer.startSpan('render-orders').end();
      resolve({ orders: result.rowCount });
    });
  });
});

export default async function main(): Promise<void> {
  await orders.call('GET /orders');
}

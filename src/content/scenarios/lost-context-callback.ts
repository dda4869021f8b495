// GET /orders reads its rows through a callback-style driver, then renders them in a span of its
// own. The driver calls back from its connection, outside the request's context, so nothing is
// active there: render-orders becomes the root of a trace of its own.
import { trace } from '@opentelemetry/api';
import { driver, service } from '@spanlab/world';

const tracer = trace.getTracer('orders');

const orders = service('orders', { latency: 2 });

orders.route('GET /orders', () => {
  return new Promise((resolve) => {
    driver.query('SELECT * FROM orders', (_error, result) => {
      tracer.startSpan('render-orders', { attributes: { 'orders.count': result.rowCount } }).end();
      resolve({ orders: result.rowCount });
    });
  });
});

export default async function main(): Promise<void> {
  await orders.call('GET /orders');
}

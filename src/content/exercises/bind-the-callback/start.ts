// GET /report reads its orders through a callback-style driver: a
// streamed query that emits a `row` per order, then a query whose
// callback gets the totals. The driver calls back from its connection,
// outside the request's context, so each span started there begins a
// trace of its own.
import { trace } from '@opentelemetry/api';
import { db, driver, service } from '@spanlab/world';

const tracer = trace.getTracer('reports');

const reports = service('reports', { latency: 2 });

reports.route('GET /report', () => {
  // TODO: the listener and the callback run outside this request's
  // context. Bind them to it.
  const rows = driver.stream('SELECT * FROM orders');
  rows.on('row', () => tracer.startSpan('format-row').end());
  return new Promise((resolve) => {
    driver.query('SELECT * FROM totals', (_error, result) => {
      tracer.startSpan('format-totals').end();
      resolve({ totals: result.rowCount });
    });
  });
});

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('seed-orders', async (seed) => {
    await Promise.all([db.insert('orders', { id: 'order-1' }), db.insert('orders', { id: 'order-2' })]);
    seed.end();
  });
  await reports.call('GET /report');
}

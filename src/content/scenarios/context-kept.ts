// The same three places that lose the context — after an await, in a
// driver's callback, in an emitter's listener — with the context
// carried by hand, as code must under the web SDK's StackContextManager
// (this scenario runs with context "stack"), and a poller started
// outside the request on purpose: its spans are roots, each linking to
// the request that started it.
import { context, trace } from '@opentelemetry/api';
import { db, driver, service } from '@spanlab/world';

const tracer = trace.getTracer('reports');

const reports = service('reports', { latency: 2 });

reports.route('GET /report', async () => {
  // The server span is active only until the first await: keep its
  // context.
  const request = context.active();
  const origin = trace.getSpanContext(request);
  await db.select('orders');
  tracer.startSpan('build-report', {}, request).end();

  // Make it active again for the synchronous code that starts the
  // queries, so their spans are children; bind what the driver calls
  // back later, which runs outside it.
  await context.with(request, () => {
    const rows = driver.stream('SELECT * FROM orders');
    rows.on(
      'row',
      context.bind(request, () => tracer.startSpan('format-row').end()),
    );
    return new Promise<void>((done) => {
      driver.query(
        'SELECT * FROM totals',
        context.bind(request, () => {
          tracer.startSpan('format-totals').end();
          done();
        }),
      );
    });
  });

  let polls = 0;
  const poller = setInterval(() => {
    // A root on purpose: each poll is its own unit of work, linked to
    // the request that started it.
    const links =
      origin === undefined ? [] : [{ context: origin, attributes: { 'export.requested_by': 'GET /report' } }];
    tracer.startSpan('poll-export', { root: true, links }).end();
    if (++polls === 2) clearInterval(poller);
  }, 30_000);
  return { report: 'ready' };
});

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('seed-orders', async (seed) => {
    await Promise.all([db.insert('orders', { id: 'order-1' }), db.insert('orders', { id: 'order-2' })]);
    seed.end();
  });
  await reports.call('GET /report');
}

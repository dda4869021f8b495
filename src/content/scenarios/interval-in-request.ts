// POST /sessions starts a token refresher with setInterval and answers
// at once. Under an async context manager (AsyncLocalStorage in Node,
// the default here) a timer keeps the context it was started in, so
// every refresh, minutes later, becomes a child of a request long
// finished.
import { trace } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('sessions');

const sessions = service('sessions', { latency: 2 });

sessions.route('POST /sessions', () => {
  let refreshes = 0;
  const timer = setInterval(() => {
    tracer.startSpan('refresh-token').end();
    if (++refreshes === 3) clearInterval(timer);
  }, 60_000);
  return { session: 'session-1' };
});

export default async function main(): Promise<void> {
  await sessions.call('POST /sessions');
}

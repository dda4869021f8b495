// A shipping label is bought from a carrier whose API fails the first
// two calls. Each retry is started inside the catch block of the
// attempt that failed, while that attempt's span is still active — so
// each attempt nests under the one before it, and the failed first
// attempt appears to contain the whole six seconds, success included.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('shipping');
const carrier = service('carrier-api', { latency: 40, failFirst: 2 });
const MAX_ATTEMPTS = 3;

// TODO: make each attempt the root of its own trace, linking to the
// first attempt with a `link.type: retry-of` attribute, and wait for
// the backoff between attempts, not inside one.
async function createLabel(attempt: number): Promise<unknown> {
  const options = { attributes: { 'retry.attempt': attempt } };
  return tracer.startActiveSpan('create-label', options, async (span) => {
    try {
      return await carrier.call('POST /labels');
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      if (attempt === MAX_ATTEMPTS) throw error;
      await sleep(2 ** attempt * 1000); // backoff: 2 s, then 4 s
      return await createLabel(attempt + 1);
    } finally {
      span.end();
    }
  });
}

export default async function main(): Promise<void> {
  await createLabel(1);
}

// The flaky payment gateway of the retry scenario, retried the tempting
// way: the next attempt is started inside the catch block of the one
// that failed, while its span is still the active one. Each attempt
// becomes the child of the attempt before it — a single trace three
// levels deep, and the first attempt, which failed, seems to contain
// the success.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('retry-handler');
const gateway = service('payment-gateway', { latency: 50, failFirst: 2 });

async function charge(attempt: number, maxAttempts: number): Promise<unknown> {
  const options = { attributes: { 'retry.attempt': attempt, 'retry.max_attempts': maxAttempts } };
  return tracer.startActiveSpan('charge-attempt', options, async (span) => {
    try {
      return await gateway.call('POST /charge');
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      if (attempt === maxAttempts) throw error;
      await sleep(2 ** attempt * 1000);
      // The mistake: this attempt's span is still active, so the next
      // one becomes its child.
      return await charge(attempt + 1, maxAttempts);
    } finally {
      span.end();
    }
  });
}

export default async function main(): Promise<void> {
  await charge(1, 3);
}

// The same failing charge, with the span ended in `finally`: on every
// path.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const payments = service('payment-service', { latency: 40, failFirst: 1 });

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('process-order', async (span) => {
    try {
      await payments.call('POST /charge');
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    } finally {
      span.end(); // on success and on failure
    }
  });
}

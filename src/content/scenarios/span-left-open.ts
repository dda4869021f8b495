// The payment service fails the first call. The order's span is ended
// only on the success path, so when the charge fails it is never ended,
// and never exported.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('orders');
const payments = service('payment-service', { latency: 40, failFirst: 1 });

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('process-order', async (span) => {
    try {
      await payments.call('POST /charge');
      span.end(); // the mistake: only when the charge succeeds
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    }
  });
}

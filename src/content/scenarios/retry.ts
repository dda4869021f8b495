// A payment gateway fails the first two calls. Each attempt is its own
// trace — a retry is a new execution, not part of the one that failed —
// linked to the first attempt. Backoff: 2 s, 4 s.
import { context, SpanStatusCode, trace, type Link, type SpanContext } from '@opentelemetry/api';
import { service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('retry-handler');
const gateway = service('payment-gateway', { latency: 50, failFirst: 2 });

async function chargeWithRetry(maxAttempts: number): Promise<unknown> {
  let first: SpanContext | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const links: Link[] = first
      ? [{ context: first, attributes: { 'link.type': 'retry-of', 'retry.original_attempt': 1 } }]
      : [];
    // `root: true`: an attempt starts a new trace instead of nesting
    // under what is active.
    const span = tracer.startSpan('charge-attempt', {
      root: true,
      links,
      attributes: { 'retry.attempt': attempt, 'retry.max_attempts': maxAttempts },
    });
    first ??= span.spanContext();
    try {
      const result = await context.with(trace.setSpan(context.active(), span), () => gateway.call('POST /charge'));
      span.end();
      return result;
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      span.end();
      if (attempt === maxAttempts) throw error;
      await sleep(2 ** attempt * 1000);
    }
  }
  return undefined;
}

export default async function main(): Promise<void> {
  await chargeWithRetry(3);
}

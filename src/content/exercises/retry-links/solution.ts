// A shipping label is bought from a carrier whose API fails the first
// two calls. A retry is a new execution, not part of the attempt that
// failed: each attempt starts a trace of its own and links, at its
// start, to the first attempt. The backoff waits between attempts.
import { context, SpanStatusCode, trace, type Link, type SpanContext } from '@opentelemetry/api';
import { service, sleep } from '@spanlab/world';

const tracer = trace.getTracer('shipping');
const carrier = service('carrier-api', { latency: 40, failFirst: 2 });
const MAX_ATTEMPTS = 3;

async function createLabel(): Promise<unknown> {
  let first: SpanContext | undefined;
  for (let attempt = 1; ; attempt++) {
    const links: Link[] = first ? [{ context: first, attributes: { 'link.type': 'retry-of' } }] : [];
    const span = tracer.startSpan('create-label', { root: true, links, attributes: { 'retry.attempt': attempt } });
    first ??= span.spanContext();
    try {
      const label = await context.with(trace.setSpan(context.active(), span), () => carrier.call('POST /labels'));
      span.end();
      return label;
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      if (attempt === MAX_ATTEMPTS) throw error;
      await sleep(2 ** attempt * 1000); // backoff: 2 s, then 4 s
    }
  }
}

export default async function main(): Promise<void> {
  await createLabel();
}

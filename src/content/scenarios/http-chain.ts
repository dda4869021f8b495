// Service A calls B, which calls C. The HTTP client and server spans
// carry `traceparent`, so the whole chain is one trace: every hop a
// child of the call that caused it.
import { SpanKind, trace } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('frontend');

service('service-c', { latency: 8 }).route('GET /api/enrich', () => ({ enriched: true }));

service('service-b', { latency: 4 }).route('GET /api/data', async () => {
  const enriched = await service('service-c').call('GET /api/enrich');
  return { data: [1, 2, 3], enriched };
});

service('service-a').route('GET /home', async () => {
  return service('service-b').call('GET /api/data');
});

export default async function main(): Promise<void> {
  // A browser's request reaches service A; the user's click is the root
  // of the trace.
  await tracer.startActiveSpan('user clicks home', { kind: SpanKind.CLIENT }, async (span) => {
    await service('service-a').call('GET /home');
    span.end();
  });
}

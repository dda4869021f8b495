// The orchestrator calls three services at once; each call is its
// child. The aggregation step combines the three results: it links to
// each call it depends on, in a stable order.
import { context, SpanKind, trace, type SpanContext } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('orchestrator');

service('inventory', { latency: 30 });
service('pricing', { latency: 10 });
service('reviews', { latency: 20 });

async function callService(name: string): Promise<{ name: string; spanContext: SpanContext }> {
  return tracer.startActiveSpan(`call ${name}`, { kind: SpanKind.INTERNAL }, async (span) => {
    await service(name).call('GET /data');
    span.end();
    return { name, spanContext: span.spanContext() };
  });
}

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('orchestrate-request', async (orchestrator) => {
    // Promise.all keeps the order of its inputs, whatever order the
    // calls finish in.
    const results = await Promise.all(['inventory', 'pricing', 'reviews'].map(callService));
    const aggregate = tracer.startSpan(
      'aggregate-results',
      {
        links: results.map((r) => ({ context: r.spanContext, attributes: { 'source.name': r.name } })),
      },
      context.active(),
    );
    aggregate.end();
    orchestrator.end();
  });
}

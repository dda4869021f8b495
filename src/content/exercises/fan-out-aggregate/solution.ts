// A product page needs three services at once: each call is a child of
// `orchestrate-request`. The aggregation that combines their answers
// links to each call in the order the calls were made: Promise.all
// resolves with its results in the order of its inputs, whichever
// finishes first.
import { trace, type Link, type SpanContext } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('orchestrator');
const SOURCES = ['inventory', 'pricing', 'reviews'];

service('inventory', { latency: 30 });
service('pricing', { latency: 10 });
service('reviews', { latency: 20 });

async function callSource(name: string): Promise<{ name: string; context: SpanContext }> {
  return tracer.startActiveSpan(`call ${name}`, async (span) => {
    await service(name).call('GET /data');
    span.end();
    return { name, context: span.spanContext() };
  });
}

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('orchestrate-request', async (orchestrator) => {
    const results = await Promise.all(SOURCES.map(callSource));
    const links: Link[] = results.map(({ name, context }) => ({ context, attributes: { 'source.name': name } }));
    tracer.startSpan('aggregate-results', { links }).end();
    orchestrator.end();
  });
}

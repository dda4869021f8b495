// A product page needs three services at once: each call is a child of
// `orchestrate-request`. The aggregation that combines their answers
// links to each call — but the links are collected as the calls finish,
// so their order follows the services' latency, not the request.
import { trace, type Link, type SpanContext } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('orchestrator');
const SOURCES = ['inventory', 'pricing', 'reviews'];

service('inventory', { latency: 30 });
service('pricing', { latency: 10 });
service('reviews', { latency: 20 });

async function callSource(name: string): Promise<SpanContext> {
  return tracer.startActiveSpan(`call ${name}`, async (span) => {
    await service(name).call('GET /data');
    span.end();
    return span.spanContext();
  });
}

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('orchestrate-request', async (orchestrator) => {
    // TODO: link to the calls in the order they were made (the order of
    // SOURCES), whatever order they finish in.
    const finished: Link[] = [];
    await Promise.all(
      SOURCES.map(async (name) => {
        const context = await callSource(name);
        finished.push({ context, attributes: { 'source.name': name } });
      }),
    );
    tracer.startSpan('aggregate-results', { links: finished }).end();
    orchestrator.end();
  });
}

import { trace, type Link } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('reports');
export default async function main(): Promise<void> {
  const exports: Link[] = [];
  for (const source of ['billing', 'crm']) {
    const span = tracer.startSpan(`export ${source}`); // a trace per export
    await sleep(20);
    span.end();
    const attributes = { 'source.name': source };
    exports.push({ context: span.spanContext(), attributes });
  }
  const report = tracer.startSpan('build-report', { links: exports });
  await sleep(15);
  report.end();
}

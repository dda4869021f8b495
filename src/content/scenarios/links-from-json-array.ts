// An export job is stored as JSON with the links to the request that
// asked for it. The worker hands the parsed array to addLink, which
// takes one link: typed `any`, it compiles. The JavaScript SDK stores
// an empty link, and exporting the span fails on it later; Span Lab
// records it with the invalid all-zero ids.
import { trace } from '@opentelemetry/api';
import { scheduler } from '@spanlab/world';

const tracer = trace.getTracer('exports');

export default function main(): void {
  tracer.startActiveSpan('POST /exports', (request) => {
    const links = [{ context: request.spanContext(), attributes: { 'job.reason': 'export' } }];
    const job = JSON.stringify({ links });
    scheduler.at(60_000, () => {
      const stored = JSON.parse(job) as { links: any };
      const span = tracer.startSpan('run-export');
      span.addLink(stored.links); // an array, where one link belongs
      span.end();
    });
    request.end();
  });
}

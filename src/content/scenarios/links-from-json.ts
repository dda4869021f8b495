// The same stored job, its links typed as what they are and given at
// the start of the span.
import { trace, type Link } from '@opentelemetry/api';
import { scheduler } from '@spanlab/world';

const tracer = trace.getTracer('exports');

export default function main(): void {
  tracer.startActiveSpan('POST /exports', (request) => {
    const links = [{ context: request.spanContext(), attributes: { 'job.reason': 'export' } }];
    const job = JSON.stringify({ links });
    scheduler.at(60_000, () => {
      const stored = JSON.parse(job) as { links: Link[] };
      tracer.startSpan('run-export', { links: stored.links }).end();
    });
    request.end();
  });
}

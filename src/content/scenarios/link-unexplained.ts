import { trace } from '@opentelemetry/api';
import { scheduler } from '@spanlab/world';

const tracer = trace.getTracer('accounts');

export default function main(): void {
  tracer.startActiveSpan('POST /signup', (signup) => {
    // The mistake: a bare link; nothing on it says why it is there.
    const link = { context: signup.spanContext() };
    // The scheduler runs the job ten minutes later, from an empty
    // context.
    scheduler.at(10 * 60_000, () => {
      tracer.startSpan('send-welcome-email', { links: [link] }).end();
    });
    signup.end();
  });
}

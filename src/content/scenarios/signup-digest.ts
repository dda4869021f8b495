import { trace } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('newsletter');

export default async function main(): Promise<void> {
  const signups = ['ada', 'grace'].map((user) => {
    const span = tracer.startSpan(`signup ${user}`); // a trace of its own
    span.end();
    return { context: span.spanContext(), attributes: { 'user.id': user } };
  });
  await sleep(60_000);
  const digest = tracer.startSpan('send-digest', { links: signups });
  digest.end();
}

// A checkout in a browser app that uses the web SDK's default
// StackContextManager (every Check runs with context "stack"): the span
// given to startActiveSpan is active only during the synchronous part
// of its callback, so its context is kept and passed on by hand.
import { context, trace } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('web-shop');

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('checkout', async (checkout) => {
    const ctx = context.active(); // checkout is active here, before any await
    tracer.startSpan('validate-cart').end();
    await sleep(20);
    tracer.startSpan('submit-payment', {}, ctx).end();
    await new Promise<void>((done) => {
      setTimeout(
        context.bind(ctx, () => {
          tracer.startSpan('show-receipt').end();
          done();
        }),
        50,
      );
    });
    checkout.end();
  });
}

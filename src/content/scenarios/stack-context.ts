// A checkout in a browser, with the web SDK's default
// StackContextManager (this scenario runs with context "stack"). The
// context given to startActiveSpan lasts only for the synchronous part
// of the callback: after the first await nothing is active, so
// submit-payment starts a new trace.
import { trace } from '@opentelemetry/api';
import { sleep } from '@spanlab/world';

const tracer = trace.getTracer('web-shop');

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('checkout', async (checkout) => {
    tracer.startSpan('validate-cart').end(); // before any await: checkout is active
    await sleep(20);
    tracer.startSpan('submit-payment').end(); // after it: nothing is
    checkout.end();
  });
}

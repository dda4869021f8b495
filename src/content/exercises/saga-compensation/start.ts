// A trip is booked as a saga: reserve a flight, reserve a hotel, charge
// the card — each step a child of `book-trip`. The card is declined, so
// the saga undoes the two reservations. Links to the completed steps
// are collected but never given to the compensation, and the
// compensation runs inside the catch block of the step that failed.
import { SpanStatusCode, trace, type Link } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('trip-booking');
const flights = service('flights', { latency: 20 });
const hotels = service('hotels', { latency: 15 });
const payments = service('payments', { latency: 25 }).route('POST /charges', () => {
  throw new Error('card declined');
});

const steps = [
  { name: 'reserve-flight', run: () => flights.call('POST /bookings'), undo: () => flights.call('DELETE /bookings/1') },
  { name: 'reserve-hotel', run: () => hotels.call('POST /bookings'), undo: () => hotels.call('DELETE /bookings/2') },
  { name: 'charge-card', run: () => payments.call('POST /charges'), undo: () => Promise.resolve() },
];
type Step = (typeof steps)[number];

async function compensate(done: Step[]): Promise<void> {
  await tracer.startActiveSpan('saga-compensation', async (span) => {
    for (const step of [...done].reverse()) await step.undo();
    span.end();
  });
}

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('book-trip', async (saga) => {
    const done: Step[] = [];
    const stepLinks: Link[] = [];
    for (const step of steps) {
      const ok = await tracer.startActiveSpan(`saga-step ${step.name}`, async (span) => {
        try {
          await step.run();
          done.push(step);
          stepLinks.push({ context: span.spanContext(), attributes: { 'saga.step.name': step.name } });
          return true;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          // TODO: compensate under `book-trip`, not under this failed
          // step, and give the compensation a link to each completed
          // step (stepLinks) when it starts.
          await compensate(done);
          return false;
        } finally {
          span.end();
        }
      });
      if (!ok) {
        saga.setStatus({ code: SpanStatusCode.ERROR, message: `${step.name} failed; trip cancelled` });
        break;
      }
    }
    saga.end();
  });
}

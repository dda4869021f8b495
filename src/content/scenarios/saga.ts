// A trip is booked as a saga: reserve a flight, reserve a hotel, charge
// the card — each step a child of `book-trip`, which runs them. The
// card is declined, so the saga compensates: a compensation span, also
// a child of the saga, cancels the reservations in reverse order. It
// links, at its start, to each step it undoes, so the reader sees what
// is being taken back.
import { SpanStatusCode, trace, type Link, type SpanContext } from '@opentelemetry/api';
import { service } from '@spanlab/world';

interface Step {
  name: string;
  run: () => Promise<unknown>;
  undo: () => Promise<unknown>;
}

const tracer = trace.getTracer('trip-booking');
const flights = service('flights', { latency: 20 })
  .route('POST /reservations', () => ({ id: 'fl-7' }))
  .route('DELETE /reservations/:id', () => ({ cancelled: true }));
const hotels = service('hotels', { latency: 15 })
  .route('POST /reservations', () => ({ id: 'ht-3' }))
  .route('DELETE /reservations/:id', () => ({ cancelled: true }));
const payments = service('payments', { latency: 25 }).route('POST /charges', () => {
  throw new Error('card declined');
});

const steps: Step[] = [
  {
    name: 'reserve-flight',
    run: () => flights.call('POST /reservations'),
    undo: () => flights.call('DELETE /reservations/fl-7'),
  },
  {
    name: 'reserve-hotel',
    run: () => hotels.call('POST /reservations'),
    undo: () => hotels.call('DELETE /reservations/ht-3'),
  },
  { name: 'charge-card', run: () => payments.call('POST /charges'), undo: () => Promise.resolve() },
];

/** Runs one step as a child of the saga; resolves with its span context, or undefined if it failed. */
function runStep(step: Step): Promise<SpanContext | undefined> {
  return tracer.startActiveSpan(
    `saga-step ${step.name}`,
    { attributes: { 'saga.step.name': step.name } },
    async (span) => {
      try {
        await step.run();
        return span.spanContext();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        return undefined;
      } finally {
        span.end();
      }
    },
  );
}

async function compensate(done: Array<{ step: Step; context: SpanContext }>): Promise<void> {
  const links: Link[] = done.map(({ step, context }) => ({
    context,
    attributes: { 'saga.step.name': step.name, 'link.type': 'compensates' },
  }));
  await tracer.startActiveSpan(
    'saga-compensation',
    { links, attributes: { 'saga.compensation.steps': done.length } },
    async (span) => {
      for (const { step } of [...done].reverse()) {
        await tracer.startActiveSpan(`undo ${step.name}`, async (undo) => {
          await step.undo();
          undo.end();
        });
      }
      span.end();
    },
  );
}

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('book-trip', { attributes: { 'saga.id': 'trip-42' } }, async (saga) => {
    const done: Array<{ step: Step; context: SpanContext }> = [];
    for (const step of steps) {
      const context = await runStep(step);
      if (context) {
        done.push({ step, context });
        continue;
      }
      // Back in the saga's context: the compensation is the saga's
      // work, not the failed step's.
      await compensate(done);
      saga.setStatus({ code: SpanStatusCode.ERROR, message: `${step.name} failed; trip cancelled` });
      break;
    }
    saga.end();
  });
}

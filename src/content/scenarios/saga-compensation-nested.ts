// The trip-booking saga with its compensation in the tempting place:
// inside the catch block of the step that failed. The undo work becomes
// a child of `saga-step charge-card`, as if the declined charge had
// cancelled the flight and the hotel, and the steps it undoes are
// nowhere linked to it.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { service } from '@spanlab/world';

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

function step(name: string, run: () => Promise<unknown>): Promise<unknown> {
  return tracer.startActiveSpan(`saga-step ${name}`, { attributes: { 'saga.step.name': name } }, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      // The mistake: compensating here makes it a child of the step
      // that failed.
      await tracer.startActiveSpan('saga-compensation', async (compensation) => {
        await hotels.call('DELETE /reservations/ht-3');
        await flights.call('DELETE /reservations/fl-7');
        compensation.end();
      });
      throw error;
    } finally {
      span.end();
    }
  });
}

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('book-trip', { attributes: { 'saga.id': 'trip-42' } }, async (saga) => {
    try {
      await step('reserve-flight', () => flights.call('POST /reservations'));
      await step('reserve-hotel', () => hotels.call('POST /reservations'));
      await step('charge-card', () => payments.call('POST /charges'));
    } catch {
      saga.setStatus({ code: SpanStatusCode.ERROR, message: 'trip cancelled' });
    } finally {
      saga.end();
    }
  });
}

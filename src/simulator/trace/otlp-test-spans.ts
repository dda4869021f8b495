/** Spans for the OTLP tests: a small run across three services, with a link and a span never ended. */
import type { SpanRecord } from './model.ts';

/** 2025-01-01T00:00:00.000Z, the simulator's epoch. */
export const EPOCH = 1735689600000;
export const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
export const TRACE_B = '4bf92f3577b34da6a3ce929d0e0e4736';

/** A span with defaults for every field `overrides` leaves out. */
export function makeSpan(overrides: Partial<SpanRecord> & Pick<SpanRecord, 'spanId'>): SpanRecord {
  const service = overrides.service ?? 'checkout';
  return {
    traceId: TRACE_A,
    parentSpanId: null,
    name: 'work',
    kind: 'internal',
    service,
    scope: { name: 'checkout-app', version: '1.0.0' },
    start: EPOCH,
    end: EPOCH + 10,
    attributes: {},
    events: [],
    links: [],
    status: { code: 'unset' },
    dropped: { attributes: 0, events: 0, links: 0 },
    resource: { 'service.name': service },
    ...overrides,
  };
}

/** A run: checkout serves a request, calls payments, publishes an order; a worker consumes it later. */
export function sampleRun(): SpanRecord[] {
  return [
    makeSpan({
      spanId: '00f067aa0ba902b7',
      name: 'POST /checkout',
      kind: 'server',
      start: EPOCH + 123,
      end: EPOCH + 480,
      attributes: {
        'http.request.method': 'POST',
        'http.response.status_code': 200,
        'app.ratio': 0.25,
        'app.retry': false,
      },
      resource: { 'service.name': 'checkout', 'deployment.environment.name': 'lab' },
    }),
    makeSpan({
      spanId: '1111111111111111',
      parentSpanId: '00f067aa0ba902b7',
      name: 'POST /pay',
      kind: 'client',
      start: EPOCH + 130,
      end: EPOCH + 300,
      scope: { name: '@opentelemetry/instrumentation-http' },
      resource: { 'service.name': 'checkout', 'deployment.environment.name': 'lab' },
    }),
    makeSpan({
      spanId: '2222222222222222',
      parentSpanId: '1111111111111111',
      name: 'charge card',
      kind: 'server',
      service: 'payments',
      scope: { name: 'payments-app' },
      start: EPOCH + 140,
      end: EPOCH + 290,
      status: { code: 'error', message: 'card declined' },
      events: [{ name: 'exception', time: EPOCH + 289, attributes: { 'exception.type': 'CardDeclined' } }],
    }),
    makeSpan({
      spanId: '3333333333333333',
      parentSpanId: '00f067aa0ba902b7',
      name: 'orders publish',
      kind: 'producer',
      start: EPOCH + 310,
      end: EPOCH + 320,
      attributes: { 'messaging.batch.message_count': 1, tags: ['a', 'b'] },
      resource: { 'service.name': 'checkout', 'deployment.environment.name': 'lab' },
    }),
    makeSpan({
      traceId: TRACE_B,
      spanId: '4444444444444444',
      name: 'orders process',
      kind: 'consumer',
      service: 'worker',
      scope: { name: 'worker-app', version: '2.1.0' },
      start: EPOCH + 14_000,
      end: EPOCH + 14_050,
      links: [{ traceId: TRACE_A, spanId: '3333333333333333', attributes: { 'messaging.message.id': 'm-1' } }],
      dropped: { attributes: 2, events: 0, links: 1 },
    }),
  ];
}

/** A span whose scenario never called `end()`. */
export function unendedSpan(): SpanRecord {
  return makeSpan({ spanId: '5555555555555555', name: 'forgotten', start: EPOCH + 500, end: null });
}

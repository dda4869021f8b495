import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { compensationUnderFailedStep as rule } from './compensation-under-failed-step.ts';

// A saga of three steps; the last fails. Bad: compensates inside the failed step. Good: in the
// saga, after the step has ended, linking to the steps it undoes.
const source = `${PRELUDE}
async function saga(name) {
  await tracer.startActiveSpan('saga', async (saga) => {
    const done = [];
    for (const step of ['reserve-flight', 'reserve-hotel', 'charge-card']) {
      const failed = await tracer.startActiveSpan('step ' + step, async (span) => {
        await sleep(10);
        if (step !== 'charge-card') {
          done.push(span.spanContext());
          span.end();
          return false;
        }
        span.recordException(new Error('card declined'));
        span.setStatus({ code: SpanStatusCode.ERROR });
        if (name === 'bad') await tracer.startActiveSpan('compensate', async (c) => { await sleep(5); c.end(); });
        span.end();
        return true;
      });
      if (failed && name === 'good') {
        const links = done.map((context) => ({ context, attributes: { 'link.type': 'compensates' } }));
        await tracer.startActiveSpan('compensate', { links }, async (c) => { await sleep(5); c.end(); });
      }
      if (failed) saga.setStatus({ code: SpanStatusCode.ERROR });
    }
    saga.end();
  });
}
export default async function main() {
  await service('bad').run(() => saga('bad'));
  await service('good').run(() => saga('good'));
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('compensation-under-failed-step', () => {
  it('fires on a compensation made the child of the step that failed', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'compensation-under-failed-step',
        severity: 'error',
        message:
          '`compensate` is a child of the step that failed, `step charge-card`, but undoes the steps before it: make it a child of `saga` and link to each step it undoes',
        spans: ['compensate', 'step charge-card'],
      },
    ]);
  });

  it('does not fire on a compensation under the saga, even though the saga failed too', () => {
    expect(cases('good').find((s) => s.name === 'saga')?.status.code).toBe('error');
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });
});

// A travel booking saga whose steps carry saga.* attributes; the flight fails. Bad: the hotel's
// cancellation starts inside the failed flight booking. Good: under the saga, after it, linked.
const travel = `${PRELUDE}
const step = (name, attributes, fail) => tracer.startActiveSpan(name, { attributes }, async (span) => {
  await sleep(15);
  if (fail) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'no seats left' });
    if (fail === 'inside') await tracer.startActiveSpan('cancel hotel reservation', { attributes: { 'saga.id': 'trip-7', 'saga.action': 'compensate' } }, async (c) => { await sleep(5); c.end(); });
  }
  span.end();
  return span.spanContext();
});
async function trip(style) {
  await tracer.startActiveSpan('book trip', { attributes: { 'saga.id': 'trip-7' } }, async (saga) => {
    const hotel = await step('reserve hotel', { 'saga.id': 'trip-7', 'saga.step': 1 });
    await step('book flight', { 'saga.id': 'trip-7', 'saga.step': 2 }, style === 'bad' ? 'inside' : 'after');
    if (style === 'good') {
      const links = [{ context: hotel, attributes: { 'saga.compensates': 'reserve hotel' } }];
      await tracer.startActiveSpan('cancel hotel reservation', { links, attributes: { 'saga.id': 'trip-7', 'saga.action': 'compensate' } }, async (c) => { await sleep(5); c.end(); });
    }
    saga.setStatus({ code: SpanStatusCode.ERROR });
    saga.end();
  });
}
export default async function main() {
  await service('bad').run(() => trip('bad'));
  await service('good').run(() => trip('good'));
}
`;

describe('compensation-under-failed-step in a saga with saga.* attributes', () => {
  let trips: Cases;
  beforeAll(async () => {
    trips = await runCases(travel);
  });

  it('fires on a cancellation started inside the failed step', () => {
    expect(lintWith(rule, trips('bad'))).toEqual([
      {
        rule: 'compensation-under-failed-step',
        severity: 'error',
        message:
          '`cancel hotel reservation` is a child of the step that failed, `book flight`, but undoes the steps before it: make it a child of `book trip` and link to each step it undoes',
        spans: ['cancel hotel reservation', 'book flight'],
      },
    ]);
  });

  it('does not fire on the cancellation under the saga, linked to the step it undoes', () => {
    expect(lintWith(rule, trips('good'))).toEqual([]);
  });
});

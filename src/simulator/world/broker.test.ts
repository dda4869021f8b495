import { describe, expect, it } from 'vitest';
import { runScenario } from '../platform/node/run-in-node.ts';

describe('the broker: a batch send, ids the application chooses, and a pull consumer', () => {
  it('sends a batch in one round trip, keeps each message its own headers, and hands delivered messages to receive once', async () => {
    const result = await runScenario(`import { context, propagation, trace } from '@opentelemetry/api';
import { broker, sleep } from '@spanlab/world';
const tracer = trace.getTracer('t');
const orders = broker.topic('orders');
export default async function main() {
  const own = tracer.startSpan('create');
  const headers = {};
  propagation.inject(trace.setSpan(context.active(), own), headers);
  own.end();
  await tracer.startActiveSpan('send', async (send) => {
    const sent = await orders.publishBatch([{ id: 'a1', body: 1, headers }, { body: 2 }]);
    console.log(Date.now(), sent.map((m) => m.id).join(' '));
    console.log(sent[0].headers.traceparent.includes(own.spanContext().spanId), sent[1].headers.traceparent.includes(send.spanContext().spanId));
    send.end();
  });
  console.log((await orders.receive()).length, Date.now());
  await sleep(10);
  const pulled = await orders.receive({ maxMessages: 1 });
  console.log(pulled.map((m) => m.id).join(' '), (await orders.receive()).map((m) => m.id).join(' '), (await orders.receive()).length);
}`);
    expect(result.errors).toEqual([]);
    const start = result.spans[0]!.start;
    // One round trip (2 ms) for the batch; the message without an id gets the next of m1, m2, …
    expect(result.console.map((line) => line.text)).toEqual([
      `${String(start + 2)} a1 m2`,
      'true true',
      `0 ${String(start + 4)}`,
      'a1 m2 0',
    ]);
  });
});

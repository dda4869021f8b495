import { describe, expect, it } from 'vitest';
import { runScenario } from '../platform/node/run-in-node.ts';
import type { RunResult } from '../trace/model.ts';

const imports = `import { context, trace } from '@opentelemetry/api';
import { db, driver, sleep } from '@spanlab/world';
const tracer = trace.getTracer('t');
`;

/** Each span's name with its parent's (`root` for none). */
function parents(result: RunResult): Record<string, string> {
  expect(result.errors).toEqual([]);
  const byId = new Map(result.spans.map((s) => [s.spanId, s.name]));
  return Object.fromEntries(
    result.spans.map((s) => [s.name, s.parentSpanId === null ? 'root' : (byId.get(s.parentSpanId) ?? 'remote')]),
  );
}

describe('the callback-style driver', () => {
  it("calls back outside the caller's context unless the callback is bound; its own span is the caller's child", async () => {
    const result = await runScenario(`${imports}
export default async function main() {
  await db.insert('orders', { id: 1 });
  await tracer.startActiveSpan('request', async (request) => {
    await new Promise<void>((resolve) => driver.query('SELECT * FROM orders', (error, result) => {
      tracer.startSpan('unbound-callback', { attributes: { rows: result.rowCount } }).end();
      resolve();
    }));
    await new Promise<void>((resolve) => driver.query('SELECT * FROM items', context.bind(context.active(), () => {
      tracer.startSpan('bound-callback').end();
      resolve();
    })));
    request.end();
  });
}`);
    expect(parents(result)).toEqual({
      'INSERT orders': 'root',
      request: 'root',
      'SELECT orders': 'request',
      'unbound-callback': 'root',
      'SELECT items': 'request',
      'bound-callback': 'request',
    });
  });

  it('names both SELECT spans, reads the db tables and reports failures to the callback', async () => {
    const result = await runScenario(`${imports}
driver.configure({ latency: 4, failWhen: (sql) => sql.includes('missing') });
export default async function main() {
  await db.insert('orders', { id: 1 });
  await db.insert('orders', { id: 2 });
  driver.query('SELECT * FROM orders', (error, result) => console.log(error, result.rows.map((row) => row.id)));
  driver.query('SELECT * FROM missing', (error) => console.log(error?.message));
  await sleep(10);
}`);
    expect(result.console.map((entry) => entry.text)).toEqual(['null [ 1, 2 ]', 'query failed: SELECT * FROM missing']);
    const selects = result.spans.filter((s) => s.name.startsWith('SELECT'));
    expect(selects.map((s) => [s.name, s.kind, s.status.code, s.end! - s.start])).toEqual([
      ['SELECT orders', 'client', 'unset', 4],
      ['SELECT missing', 'client', 'error', 4],
    ]);
  });
});

describe('the streamed query (an EventEmitter)', () => {
  it('emits outside the caller; context.bind(ctx, emitter) binds the listeners added after it, and off still removes them', async () => {
    const result = await runScenario(`${imports}
export default async function main() {
  await db.insert('orders', { id: 1 });
  await tracer.startActiveSpan('request', async (request) => {
    const rows = driver.stream('SELECT * FROM orders');
    rows.on('row', () => tracer.startSpan('unbound-row').end());
    context.bind(context.active(), rows);
    const removed = () => tracer.startSpan('removed-listener').end();
    rows.on('row', removed);
    rows.off('row', removed);
    rows.once('row', () => tracer.startSpan('bound-row').end());
    await new Promise<void>((resolve) => rows.on('end', () => { tracer.startSpan('bound-end').end(); resolve(); }));
    request.end();
  });
}`);
    expect(parents(result)).toEqual({
      'INSERT orders': 'root',
      request: 'root',
      'SELECT orders': 'request',
      'unbound-row': 'root',
      'bound-row': 'request',
      'bound-end': 'request',
    });
  });

  it('with the stack context manager, binding the emitter binds nothing (as the web SDK’s), binding a function does', async () => {
    const result = await runScenario(
      `${imports}
export default async function main() {
  await tracer.startActiveSpan('request', async (request) => {
    const rows = driver.stream('SELECT * FROM orders');
    context.bind(context.active(), rows);
    const ctx = context.active();
    await new Promise<void>((resolve) => rows.on('end', () => {
      tracer.startSpan('emitter-bound-end').end();
      context.bind(ctx, () => tracer.startSpan('function-bound').end())();
      resolve();
    }));
    request.end();
  });
}`,
      { context: 'stack' },
    );
    expect(parents(result)).toEqual({
      request: 'root',
      'SELECT orders': 'request',
      'emitter-bound-end': 'root',
      'function-bound': 'request',
    });
  });
});

describe('a setInterval started inside a request', () => {
  it('keeps that request as the parent of every tick, long after it ended (async); none with the stack manager', async () => {
    const source = `${imports}
export default async function main() {
  await tracer.startActiveSpan('request', async (request) => {
    let ticks = 0;
    const poll = setInterval(() => {
      ticks += 1;
      tracer.startSpan('poll-' + ticks).end();
      if (ticks === 3) clearInterval(poll);
    }, 1000);
    await sleep(5);
    request.end();
  });
}`;
    const [async, stack] = await Promise.all([runScenario(source), runScenario(source, { context: 'stack' })]);
    expect(parents(async)).toEqual({ request: 'root', 'poll-1': 'request', 'poll-2': 'request', 'poll-3': 'request' });
    expect(parents(stack)).toEqual({ request: 'root', 'poll-1': 'root', 'poll-2': 'root', 'poll-3': 'root' });
    expect(new Set(async.spans.map((s) => s.traceId)).size).toBe(1);
  });
});

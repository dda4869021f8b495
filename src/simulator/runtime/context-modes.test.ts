/**
 * The run's `context` option against the real context managers: the same code runs natively in
 * Node (real async/await, real timers) under the SDK's StackContextManager or Node's
 * AsyncLocalStorageContextManager, and in the sandbox with `context: 'stack'` or `'async'`; the
 * span trees must be the same.
 */
import { EventEmitter as NodeEventEmitter } from 'node:events';
import * as api from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { StackContextManager } from '@opentelemetry/sdk-trace-web';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../platform/node/run-in-node.ts';
import type { SpanRecord } from '../trace/model.ts';
import type { ContextMode } from './SandboxContextManager.ts';

/** Each span as `name → parent name (or root), trace of <its trace's root>`: independent of order and ids. */
type Tree = Record<string, string>;

function tree(spans: Array<{ name: string; traceId: string; spanId: string; parent: string | null }>): Tree {
  const byId = new Map(spans.map((s) => [s.spanId, s.name]));
  const rootOf = new Map<string, string>();
  for (const s of [...spans].sort((a, b) => a.name.localeCompare(b.name))) {
    if (s.parent === null && !rootOf.has(s.traceId)) rootOf.set(s.traceId, s.name);
  }
  return Object.fromEntries(
    spans.map((s) => [
      s.name,
      `${s.parent === null ? 'root' : (byId.get(s.parent) ?? `remote ${s.parent}`)}, trace of ${rootOf.get(s.traceId) ?? '?'}`,
    ]),
  );
}

function fromRecords(spans: readonly SpanRecord[]): Tree {
  return tree(spans.map((s) => ({ name: s.name, traceId: s.traceId, spanId: s.spanId, parent: s.parentSpanId })));
}

function fromReadable(spans: readonly ReadableSpan[]): Tree {
  return tree(
    spans.map((s) => ({
      name: s.name,
      traceId: s.spanContext().traceId,
      spanId: s.spanContext().spanId,
      parent: s.parentSpanContext?.spanId ?? null,
    })),
  );
}

/** Runs the scenario natively: compiled to real async/await, real timers, the real context manager. */
async function runNatively(source: string, mode: ContextMode): Promise<Tree> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
  });
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const manager = mode === 'stack' ? new StackContextManager() : new AsyncLocalStorageContextManager();
  api.context.setGlobalContextManager(manager.enable());
  api.trace.setGlobalTracerProvider(provider);
  try {
    const modules: Record<string, unknown> = {
      '@opentelemetry/api': api,
      '@spanlab/world': { EventEmitter: NodeEventEmitter },
    };
    const module = { exports: {} as Record<string, unknown> };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test's own code, compiled above
    const factory = new Function('require', 'exports', 'module', outputText) as (
      require: (name: string) => unknown,
      exports: Record<string, unknown>,
      module: { exports: Record<string, unknown> },
    ) => void;
    factory((name) => modules[name], module.exports, module);
    await (module.exports['default'] as () => Promise<void>)();
    // Spans still to end (a timer the main function does not wait for).
    await new Promise((resolve) => setTimeout(resolve, 50));
    return fromReadable(exporter.getFinishedSpans());
  } finally {
    api.trace.disable();
    api.context.disable();
  }
}

async function runInSandbox(source: string, mode: ContextMode): Promise<Tree> {
  const result = await runScenario(source, { context: mode });
  expect(result.errors).toEqual([]);
  return fromRecords(result.spans);
}

const PRELUDE = `import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { EventEmitter } from '@spanlab/world';
const tracer = trace.getTracer('t');
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
`;

const CASES: Record<string, string> = {
  'await, promise callbacks and timers in an active span': `
export default async function main() {
  await tracer.startActiveSpan('request', async (request) => {
    tracer.startSpan('sync-child').end();
    tracer.startActiveSpan('sync-nested', (nested) => {
      tracer.startSpan('sync-grandchild').end();
      nested.end();
    });
    const kept = context.active();
    setTimeout(() => tracer.startSpan('in-timer').end(), 1);
    void Promise.resolve().then(() => tracer.startSpan('in-then').end());
    await wait(2);
    tracer.startSpan('after-await').end();
    context.with(kept, () => tracer.startSpan('with-kept-context').end());
    context.bind(kept, () => tracer.startSpan('bound-function').end())();
    request.end();
  });
}`,
  'context.with over an async function, and Promise.all': `
async function step(name: string) {
  tracer.startSpan(name + '-before-await').end();
  await wait(1);
  tracer.startSpan(name + '-after-await').end();
}
export default async function main() {
  const parent = tracer.startSpan('parent');
  await context.with(trace.setSpan(context.active(), parent), async () => {
    await Promise.all([step('a'), step('b')]);
  });
  parent.end();
  tracer.startSpan('after-with').end();
}`,
  'an interval started in a request, and an emitter driven from outside it': `
export default async function main() {
  const socket = new EventEmitter();
  await tracer.startActiveSpan('request', async (request) => {
    let tick = 0;
    const interval = setInterval(() => {
      tick += 1;
      tracer.startSpan('tick-' + tick).end();
      if (tick === 2) clearInterval(interval);
    }, 5);
    socket.on('data', () => tracer.startSpan('unbound-listener').end());
    context.bind(context.active(), socket);
    socket.on('data', () => tracer.startSpan('listener-after-bind').end());
    request.end();
  });
  // I/O from no request: the emit runs outside every span's context.
  context.with(ROOT_CONTEXT, () => setTimeout(() => socket.emit('data'), 1));
  await wait(20);
}`,
};

describe("the run's context option gives the trees of the real context managers", () => {
  for (const mode of ['stack', 'async'] as const) {
    for (const [name, body] of Object.entries(CASES)) {
      it(`${mode}: ${name}`, async () => {
        const source = `${PRELUDE}${body}`;
        const native = await runNatively(source, mode);
        expect(await runInSandbox(source, mode)).toEqual(native);
      });
    }
  }

  it('stack and async differ where the lessons say they do', async () => {
    const source = `${PRELUDE}${CASES['await, promise callbacks and timers in an active span']!}`;
    const [stack, async] = await Promise.all([runInSandbox(source, 'stack'), runInSandbox(source, 'async')]);
    expect(stack['after-await']).toBe('root, trace of after-await');
    expect(async['after-await']).toBe('request, trace of request');
    expect(stack['with-kept-context']).toBe('request, trace of request');
  });
});

/** Runs a compiled scenario in the current realm (a worker), reporting what happens as RunEvents. */
import * as api from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { BasicTracerProvider, TracerConfig } from '@opentelemetry/sdk-trace-base';
import * as tslib from 'tslib';
import { SANDBOX_PREFIX, SANDBOX_URL } from '../compile/sandbox-names.ts';
import { SourcePositions } from '../compile/source-position.ts';
import { ExceptionStacks } from './exception-stacks.ts';
import type { CompiledScenario } from '../compile/transpile.ts';
import type { LimitHit, RunError } from '../trace/model.ts';
import * as world from '../world/index.ts';
import { bindWorld, worldRandom } from '../world/runtime.ts';
import { isSampler, RunSampler, samplerFor } from './RunSampler.ts';
import { parseSamplerSpec } from './sampler-spec.ts';
import { scenarioSdk } from './scenario-sdk.ts';
import { ConsoleCapture } from './ConsoleCapture.ts';
import { lockDownGlobals, withSandboxHint } from './lock-down-globals.ts';
import { bindPromiseCallbacks, createContextAwaiter } from './context-awaiter.ts';
import { wallClockMessage, type RunEvent, type RunOptions } from './protocol.ts';
import { SandboxContextManager } from './SandboxContextManager.ts';
import { SeededIdGenerator } from './SeededIdGenerator.ts';
import { bindRunningService } from './running-service.ts';
import { ServiceTracerProvider } from './ServiceTracerProvider.ts';
import { SpanCollector } from './SpanCollector.ts';
import { EPOCH_MS } from './epoch.ts';
import { VirtualClock } from './VirtualClock.ts';

/** What the platform gives the runner: a way out for events and a real (not virtual) yield. */
export interface RunnerHost {
  /** Receives every event; the host batches them. */
  emit(event: RunEvent): void;
  /** Resolves after pending microtasks have run, on a real macrotask; the host flushes events here. */
  yieldToHost(): Promise<void>;
  /** Calls back with the reason of each promise rejection no one handled. */
  onUnhandledRejection(handler: (reason: unknown) => void): void;
  /** Real wall-clock milliseconds, taken before the clock was faked. */
  wallNow(): number;
  /** Sends every event emitted so far to the host, now. */
  flush(): void;
  /**
   * Makes the SDK tracer provider of one simulated service: the browser host gives the web SDK's
   * WebTracerProvider; without it, the SDK's BasicTracerProvider (the spans are the same: a test compares).
   */
  createTracerProvider?: ((config: TracerConfig) => BasicTracerProvider) | undefined;
}

/** What the loop guard throws when the wall-clock budget is spent; never reported as an error. */
class WallClockBudgetSpent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WallClockBudgetSpent';
  }
}

/** Runs one scenario to its end or to a limit; resolves when the run is over. */
export async function executeScenario(
  scenario: CompiledScenario,
  options: RunOptions,
  host: RunnerHost,
): Promise<void> {
  const wallStart = host.wallNow();
  const positions = new SourcePositions(scenario);
  let stopped = false;
  const fail = (error: RunError | undefined): void => {
    if (error) host.emit({ type: 'error', error });
    stopped = true;
  };
  const errorFrom = (kind: RunError['kind'], thrown: unknown): RunError | undefined => {
    if (thrown instanceof WallClockBudgetSpent) return undefined;
    const error: RunError = { kind, message: describeThrown(thrown) };
    if (thrown instanceof Error) {
      error.name = thrown.name;
      let position: { line: number; column: number } | undefined;
      try {
        position = positions.fromStack(thrown.stack);
      } catch {
        position = undefined;
      }
      if (position) Object.assign(error, position);
    }
    return error;
  };

  const clock = new VirtualClock(EPOCH_MS);
  const manager = new SandboxContextManager(options.context === 'stack' ? 'stack' : 'async');
  api.context.setGlobalContextManager(manager);
  bindRunningService(manager);
  api.propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  const originalThen = bindPromiseCallbacks(manager);
  bindTimersToContext(manager);

  const capture = new ConsoleCapture({
    now: () => clock.now(),
    record: (entry) => host.emit({ type: 'console', entry }),
    onCap: () =>
      host.emit({
        type: 'limit',
        hit: { limit: 'console', message: 'The console keeps the first 1,000 lines; later lines were dropped.' },
      }),
    locate: () => positions.fromStack(new Error().stack),
  });
  api.diag.setLogger(
    {
      error: (message) => capture.write('warn', [`OpenTelemetry: ${message}`]),
      warn: (message) => capture.write('warn', [`OpenTelemetry: ${message}`]),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    { logLevel: api.DiagLogLevel.WARN, suppressOverrideMessage: true },
  );

  const module = { exports: {} as Record<string, unknown> };
  // Options cross a worker or process boundary: a spec is parsed again here, never trusted.
  const spec = options.sampler === undefined ? undefined : parseSamplerSpec(String(options.sampler));
  if (spec && !spec.ok)
    host.emit({ type: 'error', error: { kind: 'runtime', message: `The run's sampler: ${spec.message}` } });
  const chosen = spec?.ok ? spec.spec : undefined;
  const defaultSampler = samplerFor(chosen ?? 'always');
  let warnedSampler = false;
  // The run's option decides when given; else the scenario's `export const sampler`, from the first
  // span after it is defined (an export that cannot sample is reported once and left aside).
  const decide = () => {
    if (chosen !== undefined) return defaultSampler;
    const exported = module.exports['sampler'];
    if (exported === undefined || isSampler(exported)) return exported ?? defaultSampler;
    if (!warnedSampler) {
      warnedSampler = true;
      capture.write('warn', [
        'The scenario exports `sampler`, but it has no shouldSample method: spans are sampled always.',
      ]);
    }
    return defaultSampler;
  };
  const sampler = new RunSampler(options.spanBudget, decide, () =>
    host.emit({
      type: 'limit',
      hit: {
        limit: 'span-count',
        message: `The span budget keeps the first ${options.spanBudget.toLocaleString('en-US')} spans; later spans were counted and dropped.`,
      },
    }),
  );
  const collector = new SpanCollector(
    (event) => host.emit(event),
    () => sampler.takeNotRecorded(),
  );
  const provider = new ServiceTracerProvider(
    {
      idGenerator: new SeededIdGenerator(options.seed),
      sampler,
      spanProcessors: [new ExceptionStacks(positions, scenario.fileName), collector],
      spanLimits: { attributeValueLengthLimit: 4096 },
    },
    clock,
    options.defaultService,
    host.createTracerProvider,
  );
  api.trace.setGlobalTracerProvider(provider);
  bindWorld({ seed: options.seed, defaultService: options.defaultService });

  host.onUnhandledRejection((reason) => {
    if (!stopped) fail(errorFrom('unhandled-rejection', reason));
  });

  lockDownGlobals();
  Object.defineProperty(globalThis, 'console', { configurable: true, writable: true, value: capture.sandboxConsole() });
  Math.random = worldRandom;

  const deadline = wallStart + options.wallClockBudgetMs;
  let guardCalls = 0;
  let budgetSpent = false;
  const loopGuard = (): void => {
    guardCalls += 1;
    if (!budgetSpent && (guardCalls & 0x3ff) !== 0) return;
    if (!budgetSpent && host.wallNow() < deadline) return;
    if (!budgetSpent) {
      budgetSpent = true;
      stopped = true;
      collector.reportOpen();
      const hit: LimitHit = { limit: 'wall-clock', message: wallClockMessage(options.wallClockBudgetMs) };
      const position = positions.fromStack(new Error().stack);
      if (position) Object.assign(hit, position);
      host.emit({ type: 'limit', hit });
      host.flush();
    }
    throw new WallClockBudgetSpent(wallClockMessage(options.wallClockBudgetMs));
  };

  const modules: Record<string, unknown> = {
    '@opentelemetry/api': api,
    '@spanlab/world': world,
    '@opentelemetry/sdk-trace-base': scenarioSdk(),
    tslib: { ...tslib, __awaiter: createContextAwaiter(manager, originalThen) },
  };
  const require = (name: string): unknown => {
    if (name in modules) return modules[name];
    throw new Error(`Cannot find module '${name}'`);
  };

  const asService = <T>(fn: () => T): T => manager.runAsService(options.defaultService, fn);
  const onFailure = (reason: unknown): void => {
    if (!stopped) fail(errorFrom('runtime', reason));
  };
  const runMain = (): void =>
    asService(() => {
      const main = module.exports['default'];
      if (typeof main !== 'function') return;
      try {
        const result: unknown = (main as () => unknown)();
        if (isThenable(result)) void originalThen.call(Promise.resolve(result), undefined, onFailure);
      } catch (thrown) {
        onFailure(thrown);
      }
    });
  asService(() => {
    try {
      // Indirect eval: the scenario sees only globals, never this function's scope.
      const factory = (0, eval)(`${SANDBOX_PREFIX}${scenario.code}\n})\n//# sourceURL=${SANDBOX_URL}`) as (
        require: (name: string) => unknown,
        exports: Record<string, unknown>,
        module: { exports: Record<string, unknown> },
        loopGuard: () => void,
      ) => Promise<void>;
      // The top level runs first (to its end, across any top-level await); then the default export.
      void originalThen.call(factory(require, module.exports, module, loopGuard), runMain, onFailure);
    } catch (thrown) {
      onFailure(thrown);
    }
  });

  const step = (): Promise<void> => {
    collector.reportOpen();
    return host.yieldToHost();
  };
  while (!stopped) {
    await step();
    if (stopped || clock.pendingTimers() === 0) break;
    if (clock.now() - EPOCH_MS >= options.virtualTimeBudgetMs) {
      host.emit({
        type: 'limit',
        hit: {
          limit: 'virtual-time',
          message: `The run was stopped after ${formatDuration(options.virtualTimeBudgetMs)} of virtual time (the virtual-time budget) with ${clock.pendingTimers()} timer(s) still pending: is an interval never cleared?`,
        },
      });
      break;
    }
    try {
      clock.runNext();
    } catch (thrown) {
      fail(errorFrom('runtime', thrown));
    }
  }
  await step();

  if (collector.openCount > 0) {
    const open = collector.openCount;
    capture.write('warn', [`${String(open)} ${open === 1 ? 'span was' : 'spans were'} started and never ended.`], null);
  }
  host.emit({
    type: 'done',
    stats: {
      virtualMs: clock.now() - EPOCH_MS,
      wallMs: host.wallNow() - wallStart,
      spansStarted: sampler.started,
      spansDropped: sampler.dropped,
      consoleDropped: capture.dropped,
    },
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return `${thrown.name}: ${withSandboxHint(thrown.message)}`;
    return `Uncaught ${typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown)}`;
  } catch {
    return 'Uncaught value that cannot be printed';
  }
}

function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

// Timer callbacks run in the context (and as the service) they were scheduled in, as under AsyncLocalStorage
// (in the `stack` mode, as the service only: see SandboxContextManager).
function bindTimersToContext(manager: SandboxContextManager): void {
  const g = globalThis as Record<string, unknown>;
  for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']) {
    const original = g[name];
    if (typeof original !== 'function') continue;
    g[name] = function (this: unknown, callback: unknown, ...rest: unknown[]) {
      const bound = manager.bindContinuation(callback);
      return (original as (...args: unknown[]) => unknown).call(this, bound, ...rest);
    };
  }
}

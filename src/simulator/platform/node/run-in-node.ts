/** Runs a scenario in Node: compiled here, executed in a fresh child process the host can kill. */
import { fork } from 'node:child_process';
import { getCompileCacheDir } from 'node:module';
import type { CompileOutcome } from '../../compile/transpile.ts';
import { DEFAULT_RUN_OPTIONS, wallClockMessage, type RunOptions } from '../../runtime/protocol.ts';
import { RunAccumulator } from '../../runtime/RunAccumulator.ts';
import type { RunResult } from '../../trace/model.ts';
import type { ChildMessage, ChildStart } from './scenario-process.ts';
import { fromWire } from './wire.ts';

const CHILD_URL = new URL('./scenario-process.ts', import.meta.url);
// A child that cannot even start in this time is reported as crashed.
const STARTUP_BUDGET_MS = 30_000;
const DEFAULT_MEMORY_LIMIT_MB = 1024;
// The run stops itself at its wall-clock budget (the loop guard); the host kills it only if it
// has not by this much later (code that swallows the guard's throw, a runaway regular expression).
const TERMINATE_GRACE_MS = 1000;

/** Compiles a scenario's source; the CLI passes one that keeps its output (see compile-cache.ts). */
export type CompileSource = (source: string, fileName?: string) => CompileOutcome | Promise<CompileOutcome>;

// TypeScript loads on the first compile, not with this module: a cached compile needs none of it.
const compileHere: CompileSource = async (source, fileName) =>
  (await import('../../compile/transpile.ts')).compileScenario(source, fileName);

/** Compiles and runs scenario source in a child process; never rejects — problems are in the result. */
export async function runScenario(
  source: string,
  options: Partial<RunOptions> & {
    fileName?: string;
    memoryLimitMb?: number;
    compile?: CompileSource;
    /** The SDK provider each service gets: `basic` (the default) or `web`, the browser host's WebTracerProvider. */
    tracerProvider?: ChildStart['tracerProvider'];
  } = {},
): Promise<RunResult> {
  const {
    fileName,
    memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB,
    compile = compileHere,
    tracerProvider = 'basic',
    ...rest
  } = options;
  const runOptions: RunOptions = { ...DEFAULT_RUN_OPTIONS, ...rest };
  const accumulator = new RunAccumulator(runOptions.seed, runOptions);
  const compiled = await compile(source, fileName);
  if (!compiled.ok) {
    for (const error of compiled.errors) accumulator.addError(error);
    return accumulator.result({ wallMs: 0 });
  }

  let runStarted = performance.now();
  const child = fork(CHILD_URL, [], {
    execArgv: [`--max-old-space-size=${memoryLimitMb}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
    // The child shares the parent's module compile cache, when it has one (enable-compile-cache.ts).
    env: getCompileCacheDir() ? { ...process.env, NODE_COMPILE_CACHE: getCompileCacheDir() } : process.env,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });

  return new Promise<RunResult>((resolve) => {
    let budget = setTimeout(() => stop('startup'), STARTUP_BUDGET_MS);
    let finished = false;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(budget);
      resolve(accumulator.result({ wallMs: performance.now() - runStarted }));
    };
    const stop = (why: 'startup' | 'wall-clock'): void => {
      if (why === 'wall-clock') {
        if (!accumulator.hasLimit('wall-clock')) {
          accumulator.addLimit({ limit: 'wall-clock', message: wallClockMessage(runOptions.wallClockBudgetMs) });
        }
      } else {
        accumulator.addError({ kind: 'crash', message: 'The run crashed: the sandbox did not start.' });
      }
      finished = true;
      child.kill('SIGKILL');
    };
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        runStarted = performance.now();
        clearTimeout(budget);
        budget = setTimeout(() => stop('wall-clock'), runOptions.wallClockBudgetMs + TERMINATE_GRACE_MS);
      } else if (message.type === 'events') {
        for (const event of fromWire(message.batch)) accumulator.add(event);
      } else {
        finished = true;
        clearTimeout(budget);
        child.disconnect();
      }
    });
    child.on('error', (error) => {
      if (!finished) accumulator.addError({ kind: 'crash', message: `The run crashed: ${error.message}` });
    });
    child.on('exit', (code, signal) => {
      if (!finished) {
        const outOfMemory = /heap out of memory|Allocation failed|OOM/i.test(stderr);
        accumulator.addError({
          kind: 'crash',
          message: outOfMemory
            ? `The run crashed: it used more than ${memoryLimitMb} MB of memory.`
            : `The run crashed (${signal ?? `exit code ${code}`}).`,
        });
      }
      settle();
    });
    const start: ChildStart = { scenario: compiled.scenario, options: runOptions, tracerProvider };
    child.send(start);
  });
}

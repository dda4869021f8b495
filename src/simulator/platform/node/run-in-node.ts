/** Runs a scenario in Node: compiled here, executed in a fresh worker thread the host can kill. */
import { Worker } from 'node:worker_threads';
import { compileScenario } from '../../compile/transpile.ts';
import { DEFAULT_RUN_OPTIONS, wallClockMessage, type RunEvent, type RunOptions } from '../../runtime/protocol.ts';
import { RunAccumulator } from '../../runtime/RunAccumulator.ts';
import type { RunResult } from '../../trace/model.ts';

type WorkerMessage = { type: 'ready' } | { type: 'events'; json: string } | { type: 'finished' };

const WORKER_URL = new URL('./scenario-worker.ts', import.meta.url);
// A worker that cannot even start in this time is reported as crashed.
const STARTUP_BUDGET_MS = 30_000;
const MEMORY_LIMIT_MB = 1024;
// The run stops itself at its wall-clock budget (the loop guard); the host terminates it only if
// it has not by this much later (code that swallows the guard's throw, a runaway regular expression).
const TERMINATE_GRACE_MS = 1000;

/** Compiles and runs scenario source in a worker thread; never rejects — problems are in the result. */
export async function runScenario(
  source: string,
  options: Partial<RunOptions> & { fileName?: string } = {},
): Promise<RunResult> {
  const { fileName, ...rest } = options;
  const runOptions: RunOptions = { ...DEFAULT_RUN_OPTIONS, ...rest };
  const accumulator = new RunAccumulator(runOptions.seed);
  const compiled = compileScenario(source, fileName);
  if (!compiled.ok) {
    for (const error of compiled.errors) accumulator.addError(error);
    return accumulator.result({ wallMs: 0 });
  }

  const started = performance.now();
  let runStarted = started;
  const worker = new Worker(WORKER_URL, {
    workerData: { scenario: compiled.scenario, options: runOptions },
    resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
    stdout: true,
    stderr: true,
  });

  return new Promise<RunResult>((resolve) => {
    let budget = setTimeout(() => stop('startup'), STARTUP_BUDGET_MS);
    let settled = false;
    const finish = (): void => {
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
      void worker.terminate().then(finish);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        runStarted = performance.now();
        clearTimeout(budget);
        budget = setTimeout(() => stop('wall-clock'), runOptions.wallClockBudgetMs + TERMINATE_GRACE_MS);
      } else if (message.type === 'events') {
        for (const event of JSON.parse(message.json) as RunEvent[]) accumulator.add(event);
      } else {
        clearTimeout(budget);
        void worker.terminate().then(finish);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      accumulator.addError({
        kind: 'crash',
        message: outOfMemory
          ? `The run crashed: it used more than ${MEMORY_LIMIT_MB} MB of memory.`
          : `The run crashed: ${error.message}`,
      });
    });
    worker.on('exit', finish);
  });
}

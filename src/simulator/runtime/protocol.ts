/** What a running scenario reports to its host, as plain, structured-clonable data. */
import type { ConsoleEntry, LimitHit, RunError, RunStats, SpanRecord } from '../trace/model.ts';
import type { ContextMode } from './SandboxContextManager.ts';
import type { SamplerSpec } from './sampler-spec.ts';

/** One thing that happened in a run. */
export type RunEvent =
  /** A span still open at the end of a step of the run; `order` is its place among all spans started. */
  | { type: 'span-start'; span: SpanRecord; order: number }
  | { type: 'span-end'; span: SpanRecord; order: number }
  | { type: 'console'; entry: ConsoleEntry }
  | { type: 'error'; error: RunError }
  | { type: 'limit'; hit: LimitHit }
  | { type: 'done'; stats: Omit<RunStats, 'spansKept' | 'spansUnsampled'> };

/** The limits and choices of one run. */
export interface RunOptions {
  /** Seeds trace and span ids (and the world's jitter, where a scenario asks for it). */
  seed: number;
  /** Wall-clock milliseconds before the host stops the run (an endless loop). */
  wallClockBudgetMs: number;
  /** Virtual milliseconds before the run is stopped (an endless interval). */
  virtualTimeBudgetMs: number;
  /** Spans kept; later spans are counted and dropped. */
  spanBudget: number;
  /** The `service.name` of code that runs outside any simulated service. */
  defaultService: string;
  /** How the active context follows asynchronous code: `async` (AsyncLocalStorage, Zone) or `stack` (the web SDK's StackContextManager). */
  context: ContextMode;
  /**
   * The head sampler: the SDK's own for `always`, `never`, `ratio:P`, `parent-ratio:P` (parsed by
   * parseSamplerSpec). Absent: the scenario's exported `sampler` if it has one, else always.
   */
  sampler?: SamplerSpec | undefined;
}

/** The options a run gets when it names none. */
export const DEFAULT_RUN_OPTIONS: RunOptions = {
  seed: 1,
  wallClockBudgetMs: 5_000,
  virtualTimeBudgetMs: 60 * 60 * 1000,
  spanBudget: 20_000,
  defaultService: 'app',
  context: 'async',
};

/** The wall-clock budget's message, the same whether the run or its host enforces it. */
export function wallClockMessage(budgetMs: number): string {
  return `The run was stopped after ${budgetMs / 1000} s of wall-clock time (the wall-clock budget): is there an endless loop?`;
}

import { runAsService } from '../runtime/running-service.ts';
import { defaultServiceName } from './runtime.ts';

/** Options of a scheduled job. */
export interface JobOptions {
  /** The service that runs the job; defaults to the run's default service. */
  service?: string;
  /** How many times an `every` job runs (default 1). */
  times?: number;
}

function runJob(fn: (run: number) => unknown, run: number, service: string): void {
  // A job starts from nothing: no request caused it, so no context is active.
  void runAsService(service, () => fn(run));
}

/** The simulated scheduler: cron-like jobs that start in a fresh context. */
export const scheduler = {
  /** Runs `fn` once, `delayMs` from now. */
  at(delayMs: number, fn: () => unknown, options: JobOptions = {}): void {
    const service = options.service ?? defaultServiceName();
    setTimeout(() => runJob(fn, 1, service), delayMs);
  },

  /** Runs `fn` every `intervalMs`, `times` times (default 1); `fn` gets the run's number, from 1. */
  every(intervalMs: number, fn: (run: number) => unknown, options: JobOptions = {}): void {
    const service = options.service ?? defaultServiceName();
    const times = options.times ?? 1;
    for (let run = 1; run <= times; run++) setTimeout(() => runJob(fn, run, service), intervalMs * run);
  },
};

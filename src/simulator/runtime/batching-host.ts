/** The RunnerHost every platform builds the same way: events batched, flushed at each step of the run. */
import type { RunnerHost } from './execute-scenario.ts';
import type { RunEvent } from './protocol.ts';

/** What a platform gives: a way out for a batch, a real macrotask, a wall clock, rejections. */
export interface HostPlumbing {
  /** Sends one batch of events to whoever runs the sandbox. */
  send(events: RunEvent[]): void;
  /** Calls back on a real (not virtual) macrotask, after pending microtasks. */
  nextMacrotask(callback: () => void): void;
  /** Real wall-clock milliseconds, taken before the run fakes the clock. */
  wallNow(): number;
  /** Registers for promise rejections no one handled. */
  onUnhandledRejection(handler: (reason: unknown) => void): void;
  /** Makes each simulated service's SDK provider (see RunnerHost). */
  createTracerProvider?: RunnerHost['createTracerProvider'];
}

/** Most events in a batch before it is sent without waiting for the step to end. */
const BATCH = 500;
/**
 * Most links in a batch before it is sent: spans with many links go out in smaller batches, so
 * their records die young instead of piling up until the step ends.
 */
const BATCH_LINKS = 5_000;

/**
 * A RunnerHost whose events go out in batches: every 500 events or 5,000 links, at each step of
 * the run, and when the loop guard stops a runaway run (see compile/loop-guard.ts) — so a run its
 * host has to kill (code that defeats the guard) keeps every span that ended in an earlier step.
 */
export function batchingHost(plumbing: HostPlumbing): RunnerHost {
  let pending: RunEvent[] = [];
  let links = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    plumbing.send(pending);
    pending = [];
    links = 0;
  };
  return {
    emit: (event) => {
      pending.push(event);
      if ('span' in event) links += event.span.links.length;
      if (pending.length >= BATCH || links >= BATCH_LINKS) flush();
    },
    yieldToHost: () =>
      new Promise<void>((resolve) => {
        plumbing.nextMacrotask(() => {
          flush();
          resolve();
        });
      }),
    onUnhandledRejection: (handler) => plumbing.onUnhandledRejection(handler),
    wallNow: () => plumbing.wallNow(),
    flush,
    createTracerProvider: plumbing.createTracerProvider,
  };
}

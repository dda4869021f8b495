import { withGlobal, type Clock } from '@sinonjs/fake-timers';
import type { HrTime } from '@opentelemetry/api';

import { EPOCH_MS } from './epoch.ts';

/**
 * Simulated time for one run, on @sinonjs/fake-timers installed in the run's own realm:
 * `setTimeout`, `setInterval`, `setImmediate`, `Date` and `performance.now` follow it, and the
 * runner jumps it to the next timer whenever nothing else can run.
 */
export class VirtualClock {
  readonly #clock: Clock;

  constructor(epochMs: number = EPOCH_MS) {
    this.#clock = withGlobal(globalThis).install({
      now: epochMs,
      toFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'Date',
        'performance',
        'hrtime',
      ],
      ignoreMissingTimers: true,
      loopLimit: Number.MAX_SAFE_INTEGER,
    });
  }

  /** Virtual unix time in milliseconds. */
  now(): number {
    return this.#clock.now;
  }

  /** Virtual time as the SDK's HrTime, exact to the millisecond. */
  hrNow(): HrTime {
    const ms = this.#clock.now;
    return [Math.floor(ms / 1000), (ms % 1000) * 1_000_000];
  }

  /** How many timers are waiting. */
  pendingTimers(): number {
    return this.#clock.countTimers();
  }

  /** Jumps to the next timer and runs it (errors thrown by the timer propagate). */
  runNext(): void {
    this.#clock.next();
  }

  /** The raw fake-timers clock, for the sandbox's globals. */
  get timers(): Clock {
    return this.#clock;
  }

  /** Gives the realm its real timers back. */
  uninstall(): void {
    this.#clock.uninstall();
  }
}

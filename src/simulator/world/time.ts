/** Virtual time for scenarios: waiting costs no wall time. */
import { worldRandom } from './runtime.ts';

/** A latency: fixed milliseconds, or a [min, max] range drawn from the run's seed. */
export type Latency = number | readonly [min: number, max: number];

/** Waits `ms` milliseconds of virtual time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** The milliseconds a latency stands for, as a whole number. */
export function drawLatency(latency: Latency): number {
  if (typeof latency === 'number') return Math.max(0, Math.round(latency));
  const [min, max] = latency;
  return Math.max(0, Math.round(min + worldRandom() * (max - min)));
}

/** Per-run state of the simulated world, reset by the runner before each scenario starts. */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** What the runner tells the world about this run. */
export interface WorldSettings {
  seed: number;
  defaultService: string;
}

interface WorldState extends WorldSettings {
  random: RandomGenerator;
  resets: Array<() => void>;
}

let state: WorldState = {
  seed: 1,
  defaultService: 'app',
  random: xoroshiro128plus(1 ^ 0x5eed),
  resets: [],
};

/** Starts a fresh world for a run: seeded randomness, empty registries. */
export function bindWorld(settings: WorldSettings): void {
  const resets = state.resets;
  const random = xoroshiro128plus(settings.seed ^ 0x5eed);
  for (let i = 0; i < 64; i++) random.next();
  state = { ...settings, random, resets };
  for (const reset of resets) reset();
}

/** Registers a function that clears a world module's state at the start of each run. */
export function onWorldReset(reset: () => void): void {
  state.resets.push(reset);
}

/** A seeded random number in [0, 1): the world's jitter and failure rates, and `Math.random`. */
export function worldRandom(): number {
  return (state.random.next() >>> 0) / 0x1_0000_0000;
}

/** The service code runs as when no simulated service is handling it. */
export function defaultServiceName(): string {
  return state.defaultService;
}

/** The stack where the scenario called into the world, so errors can point at its line. */
export function callSite(): string {
  return new Error().stack ?? '';
}

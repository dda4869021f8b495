/** Worker-thread entry: runs one compiled scenario and streams its events to the parent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledScenario } from '../../compile/transpile.ts';
import { executeScenario } from '../../runtime/execute-scenario.ts';
import type { RunEvent, RunOptions } from '../../runtime/protocol.ts';

// Taken before the run fakes the realm's timers: the runner's own yield and wall clock stay real.
const realSetImmediate = setImmediate;
const wallNow = performance.now.bind(performance);
const post = parentPort!.postMessage.bind(parentPort!);

const { scenario, options } = workerData as { scenario: CompiledScenario; options: RunOptions };
// Events go to the host in batches: at each step of the run, every 500 events, and when the loop
// guard stops a runaway run (see compile/loop-guard.ts).
let pending: RunEvent[] = [];
const flush = (): void => {
  if (pending.length === 0) return;
  // JSON text crosses the thread boundary several times faster than a structured clone of many
  // small objects (a span with 100 links is 300 of them). JSON turns NaN and ±Infinity into null.
  post({ type: 'events', json: JSON.stringify(pending) });
  pending = [];
};

const rejectionHandlers: Array<(reason: unknown) => void> = [];
process.on('unhandledRejection', (reason) => {
  for (const handler of rejectionHandlers) handler(reason);
});

post({ type: 'ready' });
await executeScenario(scenario, options, {
  emit: (event) => {
    pending.push(event);
    if (pending.length >= 500) flush();
  },
  yieldToHost: () =>
    new Promise<void>((resolve) => {
      realSetImmediate(() => {
        flush();
        resolve();
      });
    }),
  onUnhandledRejection: (handler) => rejectionHandlers.push(handler),
  wallNow,
  flush,
});
flush();
post({ type: 'finished' });

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
// Events are batched, but a span's end is sent at once: a run the host has to kill (an endless
// loop) must not take the spans that ended before it down with it.
let pending: RunEvent[] = [];
const flush = (): void => {
  if (pending.length === 0) return;
  post({ type: 'events', events: pending });
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
    if (event.type !== 'span-start' || pending.length >= 500) flush();
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
});
flush();
post({ type: 'finished' });

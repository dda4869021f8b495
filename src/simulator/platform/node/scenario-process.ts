/**
 * Child-process entry: runs one compiled scenario and streams its events to the parent over IPC.
 * A process, not a worker thread: a scenario that exhausts memory takes down only itself.
 */
import type { CompiledScenario } from '../../compile/transpile.ts';
import { batchingHost } from '../../runtime/batching-host.ts';
import { executeScenario } from '../../runtime/execute-scenario.ts';
import type { RunOptions } from '../../runtime/protocol.ts';
import { toWire, type WireBatch } from './wire.ts';

/** What the parent sends the child: the run, and which SDK provider each service gets (`web` as the browser host). */
export interface ChildStart {
  scenario: CompiledScenario;
  options: RunOptions;
  tracerProvider: 'basic' | 'web';
}

/** What the child sends its parent. */
export type ChildMessage = { type: 'ready' } | { type: 'events'; batch: WireBatch } | { type: 'finished' };

// Taken before the run fakes the realm's timers: the runner's own yield and wall clock stay real.
const realSetImmediate = setImmediate;
const wallNow = performance.now.bind(performance);
const send = (message: ChildMessage): void => {
  process.send?.(message);
};

const rejectionHandlers: Array<(reason: unknown) => void> = [];
process.on('unhandledRejection', (reason) => {
  for (const handler of rejectionHandlers) handler(reason);
});
process.on('disconnect', () => process.exit(0));

process.once('message', (data) => void start(data as ChildStart));

async function start({ scenario, options, tracerProvider }: ChildStart): Promise<void> {
  // Loaded only when asked for: the CLI's runs need none of it.
  const web = tracerProvider === 'web' ? (await import('@opentelemetry/sdk-trace-web')).WebTracerProvider : undefined;
  const host = batchingHost({
    // The IPC channel's own JSON serialization encodes each batch once.
    send: (events) => send({ type: 'events', batch: toWire(events) }),
    nextMacrotask: (callback) => realSetImmediate(callback),
    wallNow,
    onUnhandledRejection: (handler) => rejectionHandlers.push(handler),
    createTracerProvider: web && ((config) => new web(config)),
  });
  send({ type: 'ready' });
  void executeScenario(scenario, options, host).then(() => {
    host.flush();
    send({ type: 'finished' });
  });
}

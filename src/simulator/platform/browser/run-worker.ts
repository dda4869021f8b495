/**
 * Web Worker entry: runs one compiled scenario and streams its events to whoever created the
 * worker. Bundled into one self-contained script (see src/integrations/run-worker-bundle.ts) so a
 * sandboxed iframe can start it from a blob: URL, under its own Content-Security-Policy.
 */
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import type { CompiledScenario } from '../../compile/transpile.ts';
import { batchingHost } from '../../runtime/batching-host.ts';
import { executeScenario } from '../../runtime/execute-scenario.ts';
import { prototypeChain } from '../../runtime/lock-down-globals.ts';
import type { RunOptions } from '../../runtime/protocol.ts';
import type { WorkerToHost } from './worker-protocol.ts';

interface WorkerScope {
  postMessage(message: WorkerToHost): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void, options?: { once?: boolean }): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: { reason: unknown; preventDefault(): void }) => void,
  ): void;
}

const scope = globalThis as unknown as WorkerScope;

// Taken before the scenario runs: it can neither fake nor reach them.
const post = scope.postMessage.bind(scope);
const wallNow = performance.now.bind(performance);
const stringify = JSON.stringify.bind(JSON);
const channel = new MessageChannel();
const ping = channel.port2.postMessage.bind(channel.port2);
const macrotasks: Array<() => void> = [];
channel.port1.onmessage = () => macrotasks.shift()?.();
const nextMacrotask = (resolve: () => void): void => {
  macrotasks.push(resolve);
  ping(null);
};

function hideFromScenario(): void {
  // The scenario may not talk to the page: only the runner posts, and only through `post`.
  for (const target of prototypeChain(globalThis)) {
    for (const name of ['postMessage', 'close', 'Worker', 'SharedWorker', 'importScripts']) {
      if (Object.prototype.hasOwnProperty.call(target, name)) Reflect.deleteProperty(target, name);
    }
  }
}

scope.addEventListener(
  'message',
  (event) => {
    const { scenario, options } = event.data as { scenario: CompiledScenario; options: RunOptions };
    const rejectionHandlers: Array<(reason: unknown) => void> = [];
    scope.addEventListener('unhandledrejection', (rejection) => {
      rejection.preventDefault();
      for (const handler of rejectionHandlers) handler(rejection.reason);
    });
    const host = batchingHost({
      send: (events) => post({ type: 'events', json: stringify(events) }),
      nextMacrotask,
      wallNow,
      onUnhandledRejection: (handler) => rejectionHandlers.push(handler),
      // Each simulated service is a browser app's provider, as the web SDK sets one up.
      createTracerProvider: (config) => new WebTracerProvider(config),
    });
    hideFromScenario();
    post({ type: 'ready' });
    void executeScenario(scenario, options, host).then(() => {
      host.flush();
      post({ type: 'finished' });
    });
  },
  { once: true },
);

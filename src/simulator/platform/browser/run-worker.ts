/**
 * Web Worker entry: runs one compiled scenario and streams its events to whoever created the
 * worker. Bundled into one self-contained script (see platform/browser/bundle-run-worker.ts) so a
 * sandboxed iframe can start it from a blob: URL, under its own Content-Security-Policy.
 */
import type { CompiledScenario } from '../../compile/transpile.ts';
import { executeScenario } from '../../runtime/execute-scenario.ts';
import type { RunEvent, RunOptions } from '../../runtime/protocol.ts';
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
const channel = new MessageChannel();
const macrotasks: Array<() => void> = [];
channel.port1.onmessage = () => macrotasks.shift()?.();
const nextMacrotask = (resolve: () => void): void => {
  macrotasks.push(resolve);
  channel.port2.postMessage(null);
};

function hideFromScenario(): void {
  // The scenario may not talk to the page: only the runner posts, and only through `post`.
  for (
    let target: object | null = globalThis;
    target && target !== Object.prototype;
    target = Object.getPrototypeOf(target) as object | null
  ) {
    for (const name of ['postMessage', 'close', 'Worker', 'SharedWorker', 'importScripts']) {
      if (Object.prototype.hasOwnProperty.call(target, name)) Reflect.deleteProperty(target, name);
    }
  }
}

scope.addEventListener(
  'message',
  (event) => {
    const { scenario, options } = event.data as { scenario: CompiledScenario; options: RunOptions };
    let pending: RunEvent[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      post({ type: 'events', json: JSON.stringify(pending) });
      pending = [];
    };
    const rejectionHandlers: Array<(reason: unknown) => void> = [];
    scope.addEventListener('unhandledrejection', (rejection) => {
      rejection.preventDefault();
      for (const handler of rejectionHandlers) handler(rejection.reason);
    });
    hideFromScenario();
    post({ type: 'ready' });
    void executeScenario(scenario, options, {
      emit: (runEvent) => {
        pending.push(runEvent);
        if (pending.length >= 500) flush();
      },
      yieldToHost: () =>
        new Promise<void>((resolve) => {
          nextMacrotask(() => {
            flush();
            resolve();
          });
        }),
      onUnhandledRejection: (handler) => rejectionHandlers.push(handler),
      wallNow,
      flush,
    }).then(() => {
      flush();
      post({ type: 'finished' });
    });
  },
  { once: true },
);

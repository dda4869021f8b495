/** Keeps the active context across `await` and promise callbacks in the sandbox. */
import type { SandboxContextManager } from './SandboxContextManager.ts';

type Generator = (this: unknown, ...args: unknown[]) => Iterator<unknown, unknown, unknown>;

/**
 * An `__awaiter` for TypeScript's ES2016 output of async functions: it captures the context (and the
 * simulated service) the async function was called in and makes them current again each time the function resumes —
 * what AsyncLocalStorage gives in Node, done the same way on every host. In the `stack` context
 * mode only the service comes back (SandboxContextManager.resumeIn).
 */
export function createContextAwaiter(manager: SandboxContextManager, then: typeof Promise.prototype.then) {
  return function __awaiter(
    thisArg: unknown,
    args: unknown[] | IArguments | undefined,
    _PromiseCtor: unknown,
    body: Generator,
  ): Promise<unknown> {
    const frame = manager.frame();
    let started = false;
    return new Promise((resolve, reject) => {
      const iterator = body.apply(thisArg, Array.from(args ?? []));
      const step = (method: 'next' | 'throw', value: unknown): void => {
        // The first step runs synchronously, in the caller's frame; later ones resume.
        const previous = manager.swap(started ? manager.resumeIn(frame) : frame);
        started = true;
        let result: IteratorResult<unknown, unknown>;
        try {
          result = method === 'next' ? iterator.next(value) : iterator.throw!(value);
        } catch (error) {
          // An async function rejects with exactly what its body threw, Error or not.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
          return;
        } finally {
          manager.swap(previous);
        }
        if (result.done) {
          resolve(result.value);
          return;
        }
        void then.call(
          Promise.resolve(result.value),
          (v: unknown) => step('next', v),
          (e: unknown) => step('throw', e),
        );
      };
      step('next', undefined);
    });
  };
}

/**
 * Binds every `.then`/`.catch`/`.finally` callback to the context and service current when it was attached,
 * as AsyncLocalStorage does (in the `stack` mode, to the service only). Returns the original `then`, for the awaiter and for undoing.
 */
export function bindPromiseCallbacks(manager: SandboxContextManager): typeof Promise.prototype.then {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with an explicit `this`
  const originalThen = Promise.prototype.then;
  const bindCallback = (callback: unknown): unknown => manager.bindContinuation(callback);
  Reflect.defineProperty(Promise.prototype, 'then', {
    configurable: true,
    writable: true,
    value: function then(this: Promise<unknown>, onFulfilled?: unknown, onRejected?: unknown) {
      return originalThen.call(this, bindCallback(onFulfilled) as never, bindCallback(onRejected) as never);
    },
  });
  return originalThen;
}

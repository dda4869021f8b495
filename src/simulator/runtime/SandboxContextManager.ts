import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';

/**
 * The active OpenTelemetry context of one sandboxed run.
 *
 * It keeps a single current context, like the SDK's StackContextManager; what makes it hold
 * across `await` is the sandbox's `__awaiter` (context-awaiter.ts), which restores the context
 * an async function was called in each time it resumes, and the binding of every `.then` and
 * timer callback to the context it was scheduled in. The same code runs in Node and in the
 * browser, so both give the same spans.
 */
export class SandboxContextManager implements ContextManager {
  #current: Context = ROOT_CONTEXT;

  active(): Context {
    return this.#current;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const previous = this.swap(context);
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.#current = previous;
    }
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function needs the manager, not its own `this`
    const manager = this;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    const bound = function (this: unknown, ...args: unknown[]): unknown {
      return manager.with(context, () => fn.apply(this, args));
    };
    return bound as unknown as T;
  }

  /** Makes `context` current and returns the one it replaced. */
  swap(context: Context): Context {
    const previous = this.#current;
    this.#current = context;
    return previous;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.#current = ROOT_CONTEXT;
    return this;
  }
}

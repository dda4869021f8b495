import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';
import { bindEventEmitter, isEventEmitter } from './bind-event-emitter.ts';

/**
 * What is current in a sandboxed run at one moment: the OpenTelemetry context and, beside it,
 * the simulated service the code runs as (undefined: the run's default service).
 */
export interface SandboxFrame {
  readonly context: Context;
  readonly service: string | undefined;
}

/**
 * How the active context follows asynchronous code: `async` as Node's AsyncLocalStorage (or the
 * web's ZoneContextManager) — across `await`, promise callbacks and timers; `stack` as the web
 * SDK's StackContextManager — only for the synchronous part of `context.with`.
 */
export type ContextMode = 'async' | 'stack';

/** The context modes, the default first. */
export const CONTEXT_MODES: readonly ContextMode[] = ['async', 'stack'];

/**
 * The active OpenTelemetry context of one sandboxed run, and the simulated service running now.
 *
 * It keeps a single current frame, like the SDK's StackContextManager; what makes it hold
 * across `await` is the sandbox's `__awaiter` (context-awaiter.ts), which restores the frame
 * an async function was called in each time it resumes, and the binding of every `.then` and
 * timer callback to the frame it was scheduled in. The same code runs in Node and in the
 * browser, so both give the same spans.
 *
 * In `stack` mode a continuation (after `await`, a promise callback, a timer) gets back only its
 * service — a process stays itself across an `await` — and runs in whatever context is active
 * when it runs, as under the StackContextManager; `bind` then binds functions only.
 *
 * The service is kept outside the OpenTelemetry `Context`, as a process is outside the
 * contexts its code builds: `propagation.extract(ROOT_CONTEXT, …)`, `root: true` or an
 * explicit `ROOT_CONTEXT` change the context, never which service is running.
 */
export class SandboxContextManager implements ContextManager {
  #frame: SandboxFrame = { context: ROOT_CONTEXT, service: undefined };
  /** How the context follows asynchronous code. */
  readonly mode: ContextMode;

  constructor(mode: ContextMode = 'async') {
    this.mode = mode;
  }

  active(): Context {
    return this.#frame.context;
  }

  /** The simulated service running now; undefined means the run's default service. */
  service(): string | undefined {
    return this.#frame.service;
  }

  /** The current frame, to be made current again later with `swap`. */
  frame(): SandboxFrame {
    return this.#frame;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#run({ context, service: this.#frame.service }, () => fn.call(thisArg, ...args));
  }

  /** Runs `fn` as the simulated service `service`, from an empty context. */
  runAsService<T>(service: string, fn: () => T): T {
    return this.#run({ context: ROOT_CONTEXT, service }, fn);
  }

  bind<T>(context: Context, target: T): T {
    // As Node's context managers do, an event emitter is bound by binding every listener added to it.
    if (this.mode === 'async' && isEventEmitter(target)) {
      return bindEventEmitter(target, (listener) => this.bind(context, listener));
    }
    return this.bindFrame({ context, service: this.#frame.service }, target);
  }

  /** The frame a continuation captured in `frame` runs in now (see the class comment for `stack`). */
  resumeIn(frame: SandboxFrame): SandboxFrame {
    return this.mode === 'async' ? frame : { context: this.#frame.context, service: frame.service };
  }

  /** Binds a callback to run later as a continuation of the code running now: an `await`, a `.then`, a timer. */
  bindContinuation<T>(target: T): T {
    if (typeof target !== 'function') return target;
    const captured = this.#frame;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function needs the manager, not its own `this`
    const manager = this;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    const bound = function (this: unknown, ...args: unknown[]): unknown {
      return manager.#run(manager.resumeIn(captured), () => fn.apply(this, args));
    };
    return bound as unknown as T;
  }

  /** Binds a function to a whole frame: it runs in that context, as that service. */
  bindFrame<T>(frame: SandboxFrame, target: T): T {
    if (typeof target !== 'function') return target;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function needs the manager, not its own `this`
    const manager = this;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    const bound = function (this: unknown, ...args: unknown[]): unknown {
      return manager.#run(frame, () => fn.apply(this, args));
    };
    return bound as unknown as T;
  }

  /** Makes `frame` current and returns the one it replaced. */
  swap(frame: SandboxFrame): SandboxFrame {
    const previous = this.#frame;
    this.#frame = frame;
    return previous;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.#frame = { context: ROOT_CONTEXT, service: undefined };
    return this;
  }

  #run<T>(frame: SandboxFrame, fn: () => T): T {
    const previous = this.swap(frame);
    try {
      return fn();
    } finally {
      this.#frame = previous;
    }
  }
}

/**
 * `context.bind(ctx, emitter)` as Node's AsyncLocalStorage context manager does it: every listener
 * added to the emitter from then on is bound, and removing the original listener removes the
 * bound one. (The web's StackContextManager binds functions only and returns an emitter as is.)
 */

type Listener = (...args: unknown[]) => unknown;

/** What is bound: an object with Node's EventEmitter methods. */
export interface EmitterLike {
  on(event: string | symbol, listener: Listener): unknown;
  emit(event: string | symbol, ...args: unknown[]): unknown;
  removeListener(event: string | symbol, listener: Listener): unknown;
}

const ADD_METHODS = ['addListener', 'on', 'once', 'prependListener', 'prependOnceListener'] as const;
const REMOVE_METHODS = ['removeListener', 'off'] as const;
const patched = new WeakSet<object>();

/** Whether `target` looks like an EventEmitter (Node's check is `instanceof`; the sandbox has no `events` module). */
export function isEventEmitter(target: unknown): target is EmitterLike {
  if (target === null || typeof target !== 'object') return false;
  const candidate = target as Record<string, unknown>;
  return (
    typeof candidate['on'] === 'function' &&
    typeof candidate['emit'] === 'function' &&
    typeof candidate['removeListener'] === 'function'
  );
}

/** Binds every listener added to `emitter` with `bind`; an emitter bound once keeps its first binding, as in Node. */
export function bindEventEmitter<T extends EmitterLike>(emitter: T, bind: (listener: Listener) => Listener): T {
  if (patched.has(emitter)) return emitter;
  patched.add(emitter);
  // Per event, each original listener's bound stand-ins, so removing the original removes them.
  const bound = new Map<string | symbol, Map<Listener, Listener[]>>();
  const target = emitter as unknown as Record<string, unknown>;
  for (const name of ADD_METHODS) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (this: unknown, event: string | symbol, listener: Listener) {
      if (typeof listener !== 'function') return (original as Listener).call(this, event, listener);
      const wrapped = bind(listener);
      let byListener = bound.get(event);
      if (!byListener) bound.set(event, (byListener = new Map<Listener, Listener[]>()));
      byListener.set(listener, [...(byListener.get(listener) ?? []), wrapped]);
      return (original as Listener).call(this, event, wrapped);
    };
  }
  for (const name of REMOVE_METHODS) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (this: unknown, event: string | symbol, listener: Listener) {
      const stand = bound.get(event)?.get(listener);
      const wrapped = stand?.pop();
      if (stand && stand.length === 0) bound.get(event)?.delete(listener);
      return (original as Listener).call(this, event, wrapped ?? listener);
    };
  }
  const removeAll = target['removeAllListeners'];
  if (typeof removeAll === 'function') {
    target['removeAllListeners'] = function (this: unknown, ...args: unknown[]) {
      if (args.length === 0) bound.clear();
      else bound.delete(args[0] as string | symbol);
      return (removeAll as Listener).apply(this, args);
    };
  }
  return emitter;
}

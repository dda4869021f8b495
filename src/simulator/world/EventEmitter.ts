type Listener = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- listeners take what `emit` passes, as in Node

interface Entry {
  listener: Listener;
  once: boolean;
}

/**
 * An event emitter with Node's methods (`on`, `once`, `off`, `emit`, …). As in Node, `emit` calls
 * the listeners synchronously, in the context of the code that emits — not of the code that
 * called `on`. An emitter the world drives (a streamed query, a socket) emits from its own I/O,
 * outside any request's context, so a listener runs there unless it or the emitter is bound:
 * `context.bind(context.active(), listener)`, or `context.bind(ctx, emitter)` to bind every
 * listener added after it (with the `async` context manager, as Node's; the web's stack
 * manager binds functions only).
 */
export class EventEmitter {
  readonly #events = new Map<string | symbol, Entry[]>();

  /** Adds a listener for `event`. */
  on(event: string | symbol, listener: Listener): this {
    return this.#add(event, { listener, once: false }, false);
  }

  /** Adds a listener for `event` (the same as `on`). */
  addListener(event: string | symbol, listener: Listener): this {
    return this.#add(event, { listener, once: false }, false);
  }

  /** Adds a listener called at the next `event` only. */
  once(event: string | symbol, listener: Listener): this {
    return this.#add(event, { listener, once: true }, false);
  }

  /** Adds a listener for `event` before the others. */
  prependListener(event: string | symbol, listener: Listener): this {
    return this.#add(event, { listener, once: false }, true);
  }

  /** Adds a listener called at the next `event` only, before the others. */
  prependOnceListener(event: string | symbol, listener: Listener): this {
    return this.#add(event, { listener, once: true }, true);
  }

  /** Removes the most recently added registration of `listener` for `event`. */
  off(event: string | symbol, listener: Listener): this {
    return this.#remove(event, listener);
  }

  /** Removes the most recently added registration of `listener` for `event`. */
  removeListener(event: string | symbol, listener: Listener): this {
    return this.#remove(event, listener);
  }

  #remove(event: string | symbol, listener: Listener): this {
    const entries = this.#events.get(event);
    if (!entries) return this;
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i]!.listener === listener) {
        entries.splice(i, 1);
        break;
      }
    }
    return this;
  }

  /** Removes every listener of `event`, or of every event. */
  removeAllListeners(event?: string | symbol): this {
    if (event === undefined) this.#events.clear();
    else this.#events.delete(event);
    return this;
  }

  /** Calls the listeners of `event` in order, synchronously, with `args`; whether there were any. */
  emit(event: string | symbol, ...args: unknown[]): boolean {
    const entries = this.#events.get(event);
    if (!entries || entries.length === 0) {
      // As in Node: an 'error' no one listens to is thrown.
      if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled 'error' event`);
      return false;
    }
    for (const entry of [...entries]) {
      if (entry.once) {
        const at = entries.indexOf(entry); // -1 when an earlier listener removed it
        if (at !== -1) entries.splice(at, 1);
      }
      entry.listener.apply(this, args);
    }
    return true;
  }

  /** How many listeners `event` has. */
  listenerCount(event: string | symbol): number {
    return this.#events.get(event)?.length ?? 0;
  }

  #add(event: string | symbol, entry: Entry, first: boolean): this {
    const entries = this.#events.get(event) ?? [];
    if (first) entries.unshift(entry);
    else entries.push(entry);
    this.#events.set(event, entries);
    return this;
  }
}

import { describe, expect, it, vi } from 'vitest';
import { SelectionStore } from './SelectionStore.ts';

describe('SelectionStore', () => {
  it('tells listeners of changes only, and stops when unsubscribed', () => {
    const store = new SelectionStore();
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    expect(store.select({ traceId: 't', spanId: 'a' })).toBe(true);
    expect(store.select({ traceId: 't', spanId: 'a' })).toBe(false); // same span, another object
    expect(store.select({ traceId: 'u', spanId: 'a' })).toBe(true); // same span id, other trace
    expect(store.select(null)).toBe(true);
    expect(store.select(null)).toBe(false);
    expect(listener.mock.calls).toEqual([[{ traceId: 't', spanId: 'a' }], [{ traceId: 'u', spanId: 'a' }], [null]]);
    stop();
    store.select({ traceId: 't', spanId: 'b' });
    expect(listener).toHaveBeenCalledTimes(3);
    expect(store.selected).toEqual({ traceId: 't', spanId: 'b' });
  });

  it('keeps its own copy of the reference', () => {
    const store = new SelectionStore();
    const ref = { traceId: 't', spanId: 'a' };
    store.select(ref);
    ref.spanId = 'changed';
    expect(store.selected).toEqual({ traceId: 't', spanId: 'a' });
  });
});

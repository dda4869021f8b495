// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlaygroundStorage } from './playground-storage.ts';

afterEach(() => {
  vi.restoreAllMocks();
  window.localStorage.clear();
});

describe('PlaygroundStorage', () => {
  it('keeps code and the last run per scenario across instances (a reload)', () => {
    const first = new PlaygroundStorage(() => {});
    first.saveCode('retry', 'edited');
    first.saveLastRun('retry', '{"spans":[]}');
    first.saveLastScenario('retry');
    const second = new PlaygroundStorage(() => {});
    expect([second.code('retry'), second.lastRun('retry'), second.lastScenario(), second.code('saga')]).toEqual([
      'edited',
      '{"spans":[]}',
      'retry',
      undefined,
    ]);
    second.forgetCode('retry');
    expect(new PlaygroundStorage(() => {}).code('retry')).toBeUndefined();
  });

  it('does not keep a run too large to be worth it', () => {
    const storage = new PlaygroundStorage(() => {});
    storage.saveLastRun('big', 'x'.repeat(2_000_000));
    expect(storage.lastRun('big')).toBeUndefined();
  });

  it('keeps edits in memory with a notice when storage is unavailable', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const notices: string[] = [];
    const storage = new PlaygroundStorage((notice) => notices.push(notice));
    storage.saveCode('retry', 'kept in memory');
    expect(storage.code('retry')).toBe('kept in memory');
    expect(notices).toEqual(['unavailable']);
  });

  it('keeps edits in memory with a notice when storage is full', () => {
    const notices: string[] = [];
    const storage = new PlaygroundStorage((notice) => notices.push(notice));
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    storage.saveCode('retry', 'still here');
    expect(storage.code('retry')).toBe('still here');
    expect(notices).toEqual(['full']);
  });
});

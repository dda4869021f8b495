/**
 * The reader's edits and last run, kept in localStorage per scenario — or, when storage is
 * unavailable or full (private mode, quota), in memory with a notice. Never throws.
 */

const PREFIX = 'span-lab:v1:';
/** Runs larger than this (as JSON) are not kept across reloads. */
const MAX_SAVED_RUN_CHARS = 1_500_000;

/** Why something could not be saved, for the page to tell the reader once. */
export type StorageNotice = 'unavailable' | 'full';

/** What a reader is told when their edits cannot be kept. */
export function storageNoticeText(notice: StorageNotice): string {
  return notice === 'unavailable'
    ? 'This browser keeps no storage for this page: your edits are kept only until you close it.'
    : 'Browser storage is full: your latest edits are kept only until you close the page.';
}

/** Keyed text storage with an in-memory fallback. */
export class PlaygroundStorage {
  readonly #memory = new Map<string, string>();
  readonly #onNotice: (notice: StorageNotice) => void;
  #store: Storage | undefined;

  constructor(onNotice: (notice: StorageNotice) => void) {
    this.#onNotice = onNotice;
    try {
      this.#store = window.localStorage;
      const probe = `${PREFIX}probe`;
      this.#store.setItem(probe, '1');
      this.#store.removeItem(probe);
    } catch {
      this.#store = undefined;
      onNotice('unavailable');
    }
  }

  /** The reader's code for a scenario, if they edited it. */
  code(scenario: string): string | undefined {
    return this.#get(`code:${scenario}`);
  }

  /** Keeps the reader's code for a scenario. */
  saveCode(scenario: string, code: string): void {
    this.#set(`code:${scenario}`, code);
  }

  /** Forgets the reader's code for a scenario (Reset). */
  forgetCode(scenario: string): void {
    this.#remove(`code:${scenario}`);
  }

  /** The last run's result for a scenario, as JSON text. */
  lastRun(scenario: string): string | undefined {
    return this.#get(`run:${scenario}`);
  }

  /** Forgets the last run's result (one that could not be read back). */
  forgetLastRun(scenario: string): void {
    this.#remove(`run:${scenario}`);
  }

  /** Keeps the last run's result, unless it is too large to be worth it. */
  saveLastRun(scenario: string, json: string): void {
    if (json.length > MAX_SAVED_RUN_CHARS) this.#remove(`run:${scenario}`);
    else this.#set(`run:${scenario}`, json);
  }

  /** The scenario the reader had open. */
  lastScenario(): string | undefined {
    return this.#get('scenario');
  }

  /** Remembers the scenario the reader has open. */
  saveLastScenario(scenario: string): void {
    this.#set('scenario', scenario);
  }

  #get(key: string): string | undefined {
    // Memory first: it holds every save of this visit, even those storage refused.
    const remembered = this.#memory.get(key);
    if (remembered !== undefined) return remembered;
    try {
      return this.#store?.getItem(PREFIX + key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  #set(key: string, value: string): void {
    this.#memory.set(key, value);
    if (!this.#store) return;
    try {
      this.#store.setItem(PREFIX + key, value);
    } catch {
      this.#onNotice('full');
    }
  }

  #remove(key: string): void {
    this.#memory.delete(key);
    try {
      this.#store?.removeItem(PREFIX + key);
    } catch {
      // Nothing to do: the memory copy is gone, which is what the reader asked for.
    }
  }
}

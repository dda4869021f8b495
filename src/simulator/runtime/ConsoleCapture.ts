import inspect from 'object-inspect';
import type { ConsoleEntry } from '../trace/model.ts';

/** Lines kept from one run's console; more are counted as dropped. */
export const CONSOLE_LINE_CAP = 1_000;
/** Characters kept of one console line. */
export const CONSOLE_TEXT_CAP = 10_000;

type Level = ConsoleEntry['level'];

/** Formats console arguments as text; never throws, whatever the value (cyclic, hostile, huge). */
export function formatConsoleArgs(args: readonly unknown[]): string {
  let text = '';
  for (const arg of args) {
    let part: string;
    try {
      part = typeof arg === 'string' ? arg : inspect(arg, { depth: 4, maxStringLength: CONSOLE_TEXT_CAP });
    } catch {
      part = `[unprintable ${typeof arg}]`;
    }
    text += (text ? ' ' : '') + part;
    if (text.length > CONSOLE_TEXT_CAP) break;
  }
  return text.length > CONSOLE_TEXT_CAP ? `${text.slice(0, CONSOLE_TEXT_CAP)}… (cut)` : text;
}

/** A `console` for sandboxed code that records lines, capped, instead of printing them. */
export class ConsoleCapture {
  readonly #now: () => number;
  readonly #record: (entry: ConsoleEntry) => void;
  readonly #onCap: () => void;
  readonly #locate: () => { line: number; column: number } | undefined;
  kept = 0;
  dropped = 0;

  constructor(options: {
    now: () => number;
    record: (entry: ConsoleEntry) => void;
    onCap: () => void;
    locate: () => { line: number; column: number } | undefined;
  }) {
    this.#now = options.now;
    this.#record = options.record;
    this.#onCap = options.onCap;
    this.#locate = options.locate;
  }

  /**
   * Records one line at a level, from the scenario or the engine. `at` is where it was written:
   * left out, it is found from the stack; `null` says the line has no place in the scenario.
   */
  write(level: Level, args: readonly unknown[], at?: { line: number; column: number } | null): void {
    // The cap first: a million lines must cost a counter each, not a stack trace each.
    if (this.kept >= CONSOLE_LINE_CAP) {
      this.dropped += 1;
      if (this.dropped === 1) this.#onCap();
      return;
    }
    this.kept += 1;
    const position = at === undefined ? this.#locate() : (at ?? undefined);
    const entry: ConsoleEntry = { level, text: formatConsoleArgs(args), time: this.#now() };
    if (position) {
      entry.line = position.line;
      entry.column = position.column;
    }
    this.#record(entry);
  }

  /** The `console` object the scenario sees. */
  sandboxConsole(): Console {
    const make =
      (level: Level) =>
      (...args: unknown[]): void => {
        this.write(level, args);
      };
    const noop = (): void => {};
    const fake = {
      log: make('log'),
      info: make('info'),
      warn: make('warn'),
      error: make('error'),
      debug: make('debug'),
      trace: make('debug'),
      dir: make('log'),
      table: make('log'),
      assert: (condition: unknown, ...args: unknown[]) => {
        if (!condition) this.write('error', ['Assertion failed', ...args]);
      },
      group: make('log'),
      groupCollapsed: make('log'),
      groupEnd: noop,
      time: noop,
      timeEnd: noop,
      timeLog: noop,
      count: noop,
      countReset: noop,
      clear: noop,
    };
    return fake as unknown as Console;
  }
}

/** Maps a stack trace of the sandboxed code back to the scenario's own line and column. */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { SANDBOX_PREFIX, SANDBOX_URL } from './sandbox-names.ts';
import type { CompiledScenario } from './transpile.ts';

// V8 frames: "at fn (spanlab-scenario.js:12:5)"; SpiderMonkey/JSC: "fn@spanlab-scenario.js:12:5".
const FRAME = new RegExp(`${SANDBOX_URL.replace(/\./g, '\\.')}:(\\d+):(\\d+)`, 'g');

/** Finds scenario positions in stack traces for one compiled scenario. */
export class SourcePositions {
  readonly #map: TraceMap;

  constructor(scenario: CompiledScenario) {
    this.#map = new TraceMap(scenario.sourceMap);
  }

  /** The scenario's 1-based line and column for the innermost scenario frame of a stack, if any. */
  fromStack(stack: string | undefined): { line: number; column: number } | undefined {
    if (!stack) return undefined;
    for (const match of stack.matchAll(FRAME)) {
      const position = this.fromGenerated(Number(match[1]), Number(match[2]));
      if (position) return position;
    }
    return undefined;
  }

  /** The scenario position for a 1-based line and column of the code as the sandbox evaluated it. */
  fromGenerated(line: number, column: number): { line: number; column: number } | undefined {
    const generatedColumn = line === 1 ? column - 1 - SANDBOX_PREFIX.length : column - 1;
    const original = originalPositionFor(this.#map, { line, column: Math.max(0, generatedColumn) });
    if (original.line === null) return undefined;
    return { line: original.line, column: original.column + 1 };
  }
}

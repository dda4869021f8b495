/** Maps a stack trace of the sandboxed code back to the scenario's own line and column. */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { SANDBOX_PREFIX, SANDBOX_URL } from './sandbox-names.ts';
import type { CompiledScenario } from './transpile.ts';

// V8 frames: "at fn (spanlab-scenario.js:12:5)"; SpiderMonkey/JSC: "fn@spanlab-scenario.js:12:5".
const FRAME = new RegExp(`${SANDBOX_URL.replace(/\./g, '\\.')}:(\\d+):(\\d+)`, 'g');

// A stack frame line: V8's "    at …", or SpiderMonkey/JSC's "fn@url:line:col".
const FRAME_LINE = /^\s+at\s|@.*:\d+:\d+$/;

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

  /**
   * A stack trace in the reader's terms: its message lines, then only the frames in the scenario,
   * each at `fileName:line:column` of the scenario's source; frames inside the runtime, the SDK or
   * the page (`blob:` URLs, minified bundles) are left out and counted in one line.
   */
  rewriteStack(stack: string, fileName: string): string {
    const lines = stack.split('\n');
    const firstFrame = lines.findIndex((line) => FRAME_LINE.test(line));
    if (firstFrame < 0) return stack;
    const kept = lines.slice(0, firstFrame);
    let hidden = 0;
    for (const line of lines.slice(firstFrame)) {
      const mapped = line.replace(FRAME, (whole, generatedLine: string, generatedColumn: string) => {
        const position = this.fromGenerated(Number(generatedLine), Number(generatedColumn));
        return position ? `${fileName}:${String(position.line)}:${String(position.column)}` : whole;
      });
      if (mapped !== line && !mapped.includes(SANDBOX_URL)) kept.push(mapped);
      else hidden += 1;
    }
    if (hidden > 0)
      kept.push(
        `    (${String(hidden)} frame${hidden === 1 ? '' : 's'} inside Span Lab and the OpenTelemetry SDK left out)`,
      );
    return kept.join('\n');
  }

  /** The scenario position for a 1-based line and column of the code as the sandbox evaluated it. */
  fromGenerated(line: number, column: number): { line: number; column: number } | undefined {
    const generatedColumn = line === 1 ? column - 1 - SANDBOX_PREFIX.length : column - 1;
    const original = originalPositionFor(this.#map, { line, column: Math.max(0, generatedColumn) });
    if (original.line === null) return undefined;
    return { line: original.line, column: original.column + 1 };
  }
}

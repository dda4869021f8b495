/** A file the CLI is given, read as what its content is: a trace file, or code to run. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RunOptions } from '../../runtime/protocol.ts';
import type { RunResult, SpanRecord } from '../../trace/model.ts';
import { fromOtlpJson, looksLikeTraceFile, type TraceFileFormat } from '../../trace/otlp-import.ts';

/** Extensions that are always code, whatever the file starts with. */
const CODE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** How code is run: its seed, context mode and sampler (a trace file uses only the seed, as its result's). */
export type RunSettings = Pick<RunOptions, 'seed' | 'context' | 'sampler'>;

/** What a file gave: a run (of code, or of a trace file's spans), or why it gave none. */
export type InputFile =
  | { ok: true; result: RunResult; format?: TraceFileFormat; warnings: string[] }
  | { ok: false; error: string; exitCode: number };

/**
 * Reads a file: a trace file when its content opens a JSON object or array (whatever its name,
 * `.ndjson` and `.txt` included) and its name is not a code file's, else code to run with `settings`.
 */
export async function readInputFile(file: string, settings: RunSettings): Promise<InputFile> {
  const { seed } = settings;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      error: `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      exitCode: 2,
    };
  }
  if (!CODE_EXTENSIONS.test(file) && looksLikeTraceFile(text)) {
    const imported = fromOtlpJson(text);
    if (!imported.ok) {
      const where = imported.position ? `:${imported.position.line}:${imported.position.column}` : '';
      return { ok: false, error: `${file}${where}: ${imported.error}`, exitCode: 1 };
    }
    const ignored = [
      settings.context !== 'async' ? '--context' : undefined,
      settings.sampler !== undefined ? '--sampler' : undefined,
    ].filter((option) => option !== undefined);
    return {
      ok: true,
      result: importedRun(imported.spans, seed),
      format: imported.format,
      warnings: [
        ...imported.warnings,
        ...ignored.map(
          (option) => `${option} applies to code it runs, not to a trace file: its spans are shown as recorded`,
        ),
      ],
    };
  }
  // Loaded only for code: a trace file needs no compiler (TypeScript alone takes seconds to load).
  // Compiled once per text (compile-cache.ts): running the same file again loads no TypeScript.
  const [{ runScenario }, { compileCached }] = await Promise.all([
    import('./run-in-node.ts'),
    import('./compile-cache.ts'),
  ]);
  return {
    ok: true,
    result: await runScenario(text, { ...settings, fileName: basename(file), compile: compileCached }),
    warnings: [],
  };
}

/** Spans read from a file, as a run that has nothing else. */
function importedRun(spans: SpanRecord[], seed: number): RunResult {
  const stats = {
    virtualMs: 0,
    wallMs: 0,
    spansStarted: spans.length,
    spansKept: spans.length,
    spansDropped: 0,
    consoleDropped: 0,
  };
  return { spans, console: [], errors: [], limits: [], stats, seed };
}

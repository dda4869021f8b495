/**
 * The CLI's compile cache: a scenario's compiled output on disk, keyed by a hash of its source and
 * file name and of the compiler itself (our transform, TypeScript's version), so running the same
 * file again loads no TypeScript at all. Anything wrong with the cache only costs a compile.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceKey } from '../../compile/source-key.ts';
import type { CompiledScenario, CompileOutcome } from '../../compile/transpile.ts';

const PIPELINE = ['../../compile/transpile.ts', '../../compile/loop-guard.ts', '../../compile/sandbox-names.ts'];

/** Where compiled scenarios are kept: SPANLAB_COMPILE_CACHE, else node_modules/.cache/span-lab. */
function cacheDir(): string {
  const configured = process.env['SPANLAB_COMPILE_CACHE'];
  if (configured) return configured;
  return fileURLToPath(new URL('../../../../node_modules/.cache/span-lab/compiled/', import.meta.url));
}

let version: string | undefined;

/** A hash of what compiling depends on besides the source: our pipeline's code and TypeScript's version. */
function compilerVersion(): string {
  if (version !== undefined) return version;
  const pipeline = PIPELINE.map((path) => readFileSync(new URL(path, import.meta.url), 'utf8')).join('\n');
  const typescript = (createRequire(import.meta.url)('typescript/package.json') as { version: string }).version;
  version = sourceKey(pipeline, `typescript@${typescript}`);
  return version;
}

function isCompiled(value: unknown, fileName: string): value is CompiledScenario {
  const v = value as Partial<CompiledScenario> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.code === 'string' &&
    typeof v.sourceMap === 'string' &&
    v.fileName === fileName
  );
}

/** Compiles `source` as `fileName`, or reads what an earlier compile of the same text kept. */
export async function compileCached(source: string, fileName = 'scenario.ts'): Promise<CompileOutcome> {
  let file: string | undefined;
  try {
    file = join(cacheDir(), `${sourceKey(source, fileName)}-${compilerVersion()}.json`);
    const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isCompiled(kept, fileName)) return { ok: true, scenario: kept };
  } catch {
    // Not kept yet, or unreadable: compile.
  }
  const { compileScenario } = await import('../../compile/transpile.ts');
  const outcome = compileScenario(source, fileName);
  if (outcome.ok && file !== undefined) {
    try {
      mkdirSync(cacheDir(), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(outcome.scenario));
      renameSync(temporary, file);
    } catch {
      // A read-only or full disk: the next run compiles again.
    }
  }
  return outcome;
}

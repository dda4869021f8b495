/**
 * The traces quizzes draw, computed at build time: every scenario named by a question's `trace`
 * runs once per build, in Node (the script `run-scenarios-main.ts` in a child process, so the
 * run's fake clock and locked-down globals never touch the build), with the linter's findings.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ruleLessonPath } from '../../../course/rule-docs.ts';
import { lintTrace, type RunResult } from '../../../simulator/index.ts';
import type { Finding } from '../../trace/model/finding.ts';

/** A scenario's run and what the linter says about it. */
export interface QuizTrace {
  result: RunResult;
  findings: Finding[];
}

// The script runs from the source tree: a bundled copy of this module cannot find it beside itself.
const SCRIPT = join(process.cwd(), 'src/components/quiz/build/run-scenarios-main.ts');
const SCENARIOS = join(process.cwd(), 'src/content/scenarios');

const cache = new Map<string, Promise<QuizTrace>>();

function runBatch(ids: readonly string[]): Promise<Record<string, RunResult>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [SCRIPT, ...ids],
      { maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`Running quiz scenarios ${ids.join(', ')} failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as Record<string, RunResult>);
      },
    );
  });
}

/**
 * The traces of these scenarios, each run once per build: ids not asked for before run together
 * in one child process. Throws (failing the build) for an unknown scenario or a run with errors.
 */
export async function quizTraces(ids: Iterable<string>): Promise<Map<string, QuizTrace>> {
  const wanted = [...new Set(ids)];
  const fresh = wanted.filter((id) => !cache.has(id));
  for (const id of fresh) {
    if (!existsSync(join(SCENARIOS, `${id}.ts`)))
      throw new Error(`A quiz draws the trace of "${id}", but src/content/scenarios/${id}.ts does not exist.`);
  }
  if (fresh.length > 0) {
    const batch = runBatch(fresh);
    for (const id of fresh) {
      cache.set(
        id,
        batch.then((results) => {
          const result = results[id];
          if (result === undefined) throw new Error(`No run came back for scenario "${id}".`);
          if (result.errors.length > 0)
            throw new Error(`Scenario "${id}" failed: ${result.errors.map((e) => e.message).join('; ')}`);
          const findings = lintTrace(result.spans, { docsUrl: ruleLessonPath });
          return { result, findings: findings.map(({ docs, ...finding }) => ({ ...finding, lesson: docs })) };
        }),
      );
    }
  }
  const entries = await Promise.all(wanted.map(async (id) => [id, await cache.get(id)!] as const));
  return new Map(entries);
}

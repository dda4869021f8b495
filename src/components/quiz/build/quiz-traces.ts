/**
 * The traces quizzes draw, computed at build time: every scenario named by a question's `trace`
 * runs once per build, in-process through the engine's Node host (`runScenario`, which runs each
 * scenario in its own child process, so the run's fake clock and locked-down globals never touch
 * the build), with the linter's findings.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LESSON_SLUGS } from '../../../course/lessons.ts';
import { lintWithDocs, RULE_REFERENCE_PATH } from '../../../course/rule-docs.ts';
import { linkWrittenLessons } from '../../playground/run-messages.ts';
import type { RunResult } from '@spanlab/engine';
import type * as NodeHost from '@spanlab/engine/node';
import type { Finding } from '../../trace/model/finding.ts';

/** A scenario's run and what the linter says about it. */
export interface QuizTrace {
  result: RunResult;
  findings: Finding[];
}

const SCENARIOS = join(process.cwd(), 'src/content/scenarios');
// The Node host starts each run from the child entry beside it, which a bundled copy of it lacks:
// the build leaves this import to Node (a specifier in a variable), which loads the package's files.
const NODE_HOST = '@spanlab/engine/node';

const WRITTEN_LESSONS = [...LESSON_SLUGS.map((slug) => `/lessons/${slug}/`), RULE_REFERENCE_PATH];
const cache = new Map<string, Promise<QuizTrace>>();
// One run at a time, in the order asked: the build shares the machine with the rest of itself.
let queue: Promise<unknown> = Promise.resolve();

async function run(id: string): Promise<QuizTrace> {
  const { runScenario } = (await import(/* @vite-ignore */ NODE_HOST)) as typeof NodeHost;
  const result = await runScenario(await readFile(join(SCENARIOS, `${id}.ts`), 'utf8'), { fileName: `${id}.ts` });
  if (result.errors.length > 0)
    throw new Error(`Scenario "${id}" failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return { result, findings: linkWrittenLessons(lintWithDocs(result.spans), WRITTEN_LESSONS) };
}

/**
 * The traces of these scenarios, each run once per build. Throws (failing the build) for an
 * unknown scenario or a run with errors.
 */
export async function quizTraces(ids: Iterable<string>): Promise<Map<string, QuizTrace>> {
  const wanted = [...new Set(ids)];
  for (const id of wanted) {
    if (cache.has(id)) continue;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || !existsSync(join(SCENARIOS, `${id}.ts`)))
      throw new Error(`A quiz draws the trace of "${id}", but src/content/scenarios/${id}.ts does not exist.`);
    const next = queue.then(() => run(id));
    queue = next.catch(() => undefined);
    cache.set(id, next);
  }
  const entries = await Promise.all(wanted.map(async (id) => [id, await cache.get(id)!] as const));
  return new Map(entries);
}

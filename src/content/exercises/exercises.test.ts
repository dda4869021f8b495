import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXERCISE_IDS, exerciseSchema, type ExerciseId, type ExerciseMeta } from '../../course/exercise-schema.ts';
import { evaluateExpectations } from '../../simulator/checks/evaluate-expectations.ts';
import { lintTrace } from '../../simulator/checks/lint/lint-trace.ts';
import type { RuleId } from '../../simulator/checks/lint/rule-ids.ts';
import { formatIssues } from '../../simulator/checks/scenario-meta.ts';
import { runScenario } from '../../simulator/platform/node/run-in-node.ts';
import type { RunResult } from '../../simulator/trace/model.ts';

const DIR = new URL('./', import.meta.url);

// How each starting code fails Check: whether some expectation fails, and the lint rules it trips.
const START_FAILS: Record<ExerciseId, { expectations: boolean; rules: RuleId[] }> = {
  'order-children': { expectations: true, rules: [] },
  'link-the-batch': { expectations: true, rules: ['batch-parented-to-producer', 'batch-without-links'] },
  'links-at-start': { expectations: false, rules: ['link-added-after-start'] },
  'single-message-parent': { expectations: true, rules: ['consumer-without-origin'] },
  'fan-out-aggregate': { expectations: true, rules: [] },
  'retry-links': { expectations: true, rules: ['retry-nested'] },
  'saga-compensation': { expectations: true, rules: ['compensation-under-failed-step'] },
  'fix-the-trace': {
    expectations: true,
    rules: ['span-not-ended', 'link-added-after-start', 'link-without-attributes'],
  },
};
const FOLDERS = readdirSync(DIR)
  .filter((name) => statSync(new URL(name, DIR)).isDirectory())
  .sort();

const read = (id: string, file: string): string => readFileSync(new URL(`${id}/${file}`, DIR), 'utf8');

function meta(id: string): ExerciseMeta {
  const parsed = exerciseSchema.safeParse(parse(read(id, 'exercise.yaml')));
  if (!parsed.success) throw new Error(`${id}/exercise.yaml is invalid:\n${formatIssues(parsed.error)}`);
  return parsed.data;
}

// Every file runs once for the whole test file, two at a time (each run is a child process; two cores).
const LANES = 2;
const jobs = FOLDERS.flatMap((id) => ['start.ts', 'solution.ts'].map((file) => `${id}/${file}`));
const runs = new Map<string, Promise<RunResult>>();
for (let lane = 0; lane < LANES; lane++) {
  let previous: Promise<unknown> = Promise.resolve();
  for (const job of jobs.filter((_, i) => i % LANES === lane)) {
    const [id = '', file = ''] = job.split('/');
    const result = previous.then(() => runScenario(read(id, file), { seed: meta(id).seed, fileName: file }));
    runs.set(job, result);
    previous = result;
  }
}
const run = (id: string, file: string): Promise<RunResult> =>
  runs.get(`${id}/${file}`) ?? Promise.reject(new Error(`no run of ${id}/${file}`));

describe('the exercises', () => {
  it('are exactly the eight the lessons name, each a folder with its three files', () => {
    expect(FOLDERS).toEqual([...EXERCISE_IDS].sort());
    for (const id of FOLDERS) {
      expect(readdirSync(new URL(`${id}/`, DIR)).sort()).toEqual(['exercise.yaml', 'solution.ts', 'start.ts']);
    }
  });

  it.each(FOLDERS)('%s: the solution passes every expectation and lints clean', async (id) => {
    const result = await run(id, 'solution.ts');
    expect(result.errors).toEqual([]);
    expect(result.limits).toEqual([]);
    expect(evaluateExpectations(result.spans, meta(id).expectations).filter((v) => !v.passed)).toEqual([]);
    expect(lintTrace(result.spans)).toEqual([]);
  });

  it.each(FOLDERS)('%s: the starting code runs, but fails a check', async (id) => {
    const result = await run(id, 'start.ts');
    expect(result.errors).toEqual([]);
    expect(result.limits).toEqual([]);
    const failed = evaluateExpectations(result.spans, meta(id).expectations).filter((v) => !v.passed);
    const fails = START_FAILS[id as ExerciseId];
    expect(failed.length > 0).toBe(fails.expectations);
    expect([...new Set(lintTrace(result.spans).map((f) => f.rule))].sort()).toEqual([...fails.rules].sort());
    expect(failed.length + fails.rules.length).toBeGreaterThan(0);
  });

  it.each(FOLDERS)('%s: the starting code says where to edit, and both files stay short', (id) => {
    expect(read(id, 'start.ts')).toMatch(/\/\/ TODO:/);
    for (const file of ['start.ts', 'solution.ts']) {
      expect(read(id, file).split('\n').length, `${id}/${file}`).toBeLessThanOrEqual(70);
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkOutcome } from '../../components/exercise/check-outcome.ts';
import { EXERCISE_IDS, type ExerciseId } from '../../course/exercise-ids.ts';
import { exerciseSchema, type CodeExerciseMeta, type ExerciseMeta } from '../../course/exercise-schema.ts';
import { evaluateExpectations, formatIssues, lintTrace, type RuleId, type RunResult } from '@spanlab/engine';
import { runScenario } from '@spanlab/engine/node';
import { HALF_FIXES, type HalfFix } from './half-fixes.ts';

const halfFixes: Readonly<Record<string, readonly HalfFix[]>> = HALF_FIXES;

const DIR = new URL('./', import.meta.url);

// The lint rules each starting code trips (beside the expectations it fails).
const START_TRIPS: Record<ExerciseId, RuleId[]> = {
  'order-children': [],
  'bind-the-callback': [],
  'carry-the-context': [],
  'sample-with-the-order': [],
  'keep-the-batch': [],
  'link-the-batch': ['batch-parented-to-producer', 'batch-without-links'],
  'links-at-start': ['link-added-after-start'],
  'single-message-parent': ['consumer-without-origin'],
  'fan-out-aggregate': [],
  'retry-links': ['retry-nested'],
  'saga-compensation': ['compensation-under-failed-step'],
  'fix-the-trace': ['span-not-ended', 'link-added-after-start', 'link-without-attributes'],
  'invoice-links': ['child-outlives-parent'],
  'batch-send': ['batch-without-links'],
};

// The linter's findings on the starting code that Check lists apart; the others restate a failing
// check's fault and are named under it (check-outcome.ts), so each fault is said once.
const START_LISTS: Record<ExerciseId, RuleId[]> = {
  'order-children': [],
  'bind-the-callback': [],
  'carry-the-context': [],
  'sample-with-the-order': [],
  'keep-the-batch': [],
  'link-the-batch': [],
  'links-at-start': [],
  'single-message-parent': [],
  'fan-out-aggregate': [],
  'retry-links': [],
  'saga-compensation': [],
  'fix-the-trace': [],
  'invoice-links': ['child-outlives-parent'],
  'batch-send': [],
};

const read = (id: string, file: string): string => readFileSync(new URL(`${id}/${file}`, DIR), 'utf8');

function anyMeta(id: string): ExerciseMeta {
  const parsed = exerciseSchema.safeParse(parse(read(id, 'exercise.yaml')));
  if (!parsed.success) throw new Error(`${id}/exercise.yaml is invalid:\n${formatIssues(parsed.error)}`);
  return parsed.data;
}

// The code exercises; the SQL ones (`kind: sql`) are checked by sql-exercises.test.ts.
const FOLDERS = EXERCISE_IDS.filter((id) => anyMeta(id).kind === 'code');

function meta(id: string): CodeExerciseMeta {
  const exercise = anyMeta(id);
  if (exercise.kind !== 'code') throw new Error(`${id} is not a code exercise`);
  return exercise;
}

/** The run options an exercise's Check uses: its seed, context manager and sampler. */
function runSettings(exercise: CodeExerciseMeta): {
  seed: number;
  context: CodeExerciseMeta['context'];
  sampler?: CodeExerciseMeta['sampler'];
} {
  const { seed, context, sampler } = exercise;
  return sampler === undefined ? { seed, context } : { seed, context, sampler };
}

/** The solution with a half-fix's edits applied; each edit must match exactly once. */
function halfFixSource(id: string, fix: HalfFix): string {
  let source = read(id, 'solution.ts');
  for (const [from, to] of fix.edits) {
    const at = source.indexOf(from);
    if (at < 0 || source.indexOf(from, at + 1) >= 0) {
      throw new Error(`${id}: the half-fix "${fix.what}" must match solution.ts exactly once: ${JSON.stringify(from)}`);
    }
    source = source.slice(0, at) + to + source.slice(at + from.length);
  }
  return source;
}

// Every file runs once for the whole test file, two at a time (each run is a child process; two cores).
const LANES = 2;
const sources = new Map<string, () => string>();
for (const id of FOLDERS) {
  for (const file of ['start.ts', 'solution.ts']) sources.set(`${id}/${file}`, () => read(id, file));
  for (const [i, fix] of (halfFixes[id] ?? []).entries()) {
    sources.set(`${id}/half-fix-${i}.ts`, () => halfFixSource(id, fix));
  }
}
const jobs = [...sources.keys()];
const runs = new Map<string, Promise<RunResult>>();
for (let lane = 0; lane < LANES; lane++) {
  let previous: Promise<unknown> = Promise.resolve();
  for (const job of jobs.filter((_, i) => i % LANES === lane)) {
    const [id = '', file = ''] = job.split('/');
    const result = previous.then(() => runScenario(sources.get(job)!(), { ...runSettings(meta(id)), fileName: file }));
    runs.set(job, result);
    previous = result;
  }
}
const run = (id: string, file: string): Promise<RunResult> =>
  runs.get(`${id}/${file}`) ?? Promise.reject(new Error(`no run of ${id}/${file}`));

describe('the exercises', () => {
  it('are each a folder with its three files, and say which rules their starting code trips', () => {
    expect(Object.keys(START_TRIPS).sort()).toEqual(FOLDERS);
    for (const id of FOLDERS) {
      expect(readdirSync(new URL(`${id}/`, DIR)).sort()).toEqual(['exercise.yaml', 'solution.ts', 'start.ts']);
    }
  });

  it('each belongs to the lesson that embeds it', () => {
    const lessons = Object.fromEntries(FOLDERS.map((id) => [id, meta(id).lesson]));
    expect(lessons).toEqual({
      'order-children': 'parent-child',
      'bind-the-callback': 'context-propagation',
      'carry-the-context': 'context-propagation',
      'sample-with-the-order': 'sampling-and-links',
      'keep-the-batch': 'sampling-and-links',
      'link-the-batch': 'span-links',
      'links-at-start': 'span-links',
      'single-message-parent': 'when-to-use-each',
      'fan-out-aggregate': 'implementation-patterns',
      'retry-links': 'implementation-patterns',
      'saga-compensation': 'real-world-scenarios',
      'fix-the-trace': 'best-practices',
      'invoice-links': 'understanding-span-relationships',
      'batch-send': 'implementation-patterns',
    });
    for (const [id, lesson] of Object.entries(lessons)) {
      const mdx = readFileSync(new URL(`../docs/lessons/${lesson}.mdx`, DIR), 'utf8');
      expect(mdx, `${lesson}.mdx embeds ${id}`).toContain(`<Exercise id="${id}" />`);
    }
  });

  it.each(FOLDERS)('%s: the solution passes every expectation and lints clean', async (id) => {
    const result = await run(id, 'solution.ts');
    expect(result.errors).toEqual([]);
    expect(result.limits).toEqual([]);
    expect(evaluateExpectations(result.spans, meta(id).expectations).filter((v) => !v.passed)).toEqual([]);
    expect(lintTrace(result.spans)).toEqual([]);
  });

  it.each(FOLDERS)(
    '%s: the starting code runs, but fails an expectation (and trips the rules it shows)',
    async (id) => {
      const result = await run(id, 'start.ts');
      expect(result.errors).toEqual([]);
      expect(result.limits).toEqual([]);
      const failed = evaluateExpectations(result.spans, meta(id).expectations).filter((v) => !v.passed);
      expect(failed.length).toBeGreaterThan(0);
      const rules = [...new Set(lintTrace(result.spans).map((f) => f.rule))];
      expect(rules.sort()).toEqual([...(START_TRIPS[id] ?? [])].sort());
    },
  );

  it.each(FOLDERS)('%s: Check fails on each plausible half-fix, on the part of the goal left undone', async (id) => {
    const fixes = halfFixes[id] ?? [];
    expect(fixes.length, `${id} has a half-fix`).toBeGreaterThan(0);
    for (const [i, fix] of fixes.entries()) {
      const result = await run(id, `half-fix-${i}.ts`);
      expect(result.errors, fix.what).toEqual([]);
      // As the page checks it: spans the sampler dropped explain what is missing.
      const outcome = checkOutcome(
        result,
        evaluateExpectations(result.spans, meta(id).expectations, result.unsampledSpans),
        lintTrace(result.spans),
      );
      expect(outcome.passed, fix.what).toBe(false);
      const failed = outcome.items.filter((item) => item.status === 'fail');
      expect(
        failed.map((item) => item.title),
        fix.what,
      ).toContainEqual(expect.stringMatching(fix.fails));
      if (fix.says) {
        const item = failed.find((f) => fix.fails.test(f.title));
        expect(item?.detail, fix.what).toMatch(fix.says);
      }
    }
  });

  it.each(FOLDERS)(
    '%s: Check says each fault once and hides no finding, on the starting code and each half-fix',
    async (id) => {
      const files = ['start.ts', ...(halfFixes[id] ?? []).map((_, i) => `half-fix-${i}.ts`)];
      for (const file of files) {
        const result = await run(id, file);
        const findings = lintTrace(result.spans);
        const outcome = checkOutcome(
          result,
          evaluateExpectations(result.spans, meta(id).expectations, result.unsampledSpans),
          findings,
        );
        const said = outcome.items.filter((item) => item.status !== 'pass');
        // No item says again what another says (a finding that opens with a check's words, two checks alike).
        for (const [i, item] of said.entries()) {
          for (const other of said.slice(i + 1)) {
            expect(
              other.detail.startsWith(item.detail) || item.detail.startsWith(other.detail),
              `${file}: ${item.detail}`,
            ).toBe(false);
          }
        }
        // Every rule the linter trips is listed, or named under the failing check whose fault it restates.
        const listed = said.flatMap((item) => (item.title.startsWith('Linter: ') ? [item.title.slice(8)] : []));
        const named = said.flatMap((item) => [...(item.also ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
        expect([...new Set([...listed, ...named])].sort(), file).toEqual(
          [...new Set(findings.map((f) => f.rule))].sort(),
        );
        if (file === 'start.ts') expect([...new Set(listed)].sort(), file).toEqual([...(START_LISTS[id] ?? [])].sort());
      }
    },
  );

  it.each(FOLDERS)('%s: the starting code says where to edit, and both files stay short', (id) => {
    expect(read(id, 'start.ts')).toMatch(/\/\/ TODO:/);
    for (const file of ['start.ts', 'solution.ts']) {
      expect(read(id, file).split('\n').length, `${id}/${file}`).toBeLessThanOrEqual(70);
    }
  });
});

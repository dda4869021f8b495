import { readdirSync, readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatIssues, type RunResult } from '@spanlab/engine';
import { SpanDatabase } from '@spanlab/engine/sql';
import { runScenarioFile } from '@spanlab/engine/testing';
import { EXERCISE_IDS } from '../../course/exercise-ids.ts';
import { exerciseSchema, type SqlExerciseMeta } from '../../course/exercise-schema.ts';
import { parseScenarioMeta } from '../../course/scenario-meta.ts';
import { SQL_CHECKS, unlinkedProducers } from '../../course/sql-exercise-check.ts';
import { SQL_HALF_ANSWERS, type SqlHalfAnswer } from './half-fixes.ts';

const DIR = new URL('./', import.meta.url);
const read = (id: string, file: string): string => readFileSync(new URL(`${id}/${file}`, DIR), 'utf8');
const halfAnswers: Readonly<Record<string, readonly SqlHalfAnswer[]>> = SQL_HALF_ANSWERS;

function meta(id: string): SqlExerciseMeta | undefined {
  const parsed = exerciseSchema.safeParse(parse(read(id, 'exercise.yaml')));
  if (!parsed.success) throw new Error(`${id}/exercise.yaml is invalid:\n${formatIssues(parsed.error)}`);
  return parsed.data.kind === 'sql' ? parsed.data : undefined;
}

const SQL_IDS = EXERCISE_IDS.filter((id) => meta(id) !== undefined);

/** The exercise's scenario, run as a lesson runs it (seed 1, its metadata's settings), in a database. */
async function runOf(exercise: SqlExerciseMeta): Promise<{ run: RunResult; db: SpanDatabase }> {
  const yaml = readFileSync(new URL(`../scenarios/${exercise.scenario}.yaml`, DIR), 'utf8');
  const parsed = parseScenarioMeta(parse(yaml));
  if (!parsed.ok) throw new Error(parsed.error);
  const { context, sampler } = parsed.meta;
  const run = await runScenarioFile(`${exercise.scenario}.ts`, {
    ...(context === undefined ? {} : { context }),
    ...(sampler === undefined ? {} : { sampler }),
  });
  return { run, db: new SpanDatabase(await initSqlJs(), run.spans) };
}

describe('the SQL exercises', () => {
  it('exist: Visualization and analysis has one, with its query files beside it', () => {
    expect(SQL_IDS).toEqual(['find-unlinked-producers']);
    for (const id of SQL_IDS) {
      expect(readdirSync(new URL(`${id}/`, DIR)).sort()).toEqual(['exercise.yaml', 'solution.sql', 'start.sql']);
      const exercise = meta(id)!;
      expect(exercise.lesson).toBe('visualization-and-analysis');
      const mdx = readFileSync(new URL(`../docs/lessons/${exercise.lesson}.mdx`, DIR), 'utf8');
      expect(mdx, `${exercise.lesson}.mdx embeds ${id}`).toContain(`<Exercise id="${id}" />`);
    }
  });

  it.each(SQL_IDS)('%s: on its scenario’s real run, the solution passes and the starting query fails', async (id) => {
    const exercise = meta(id)!;
    const { run, db } = await runOf(exercise);
    expect(run.errors).toEqual([]);
    const check = SQL_CHECKS[exercise.check];
    expect(check(db.query(read(id, 'solution.sql')), run.spans)).toEqual({
      passed: true,
      message: expect.stringMatching(
        /^2 producer spans no consumer links to: `send orders` \(span [0-9a-f]{16}\) and `send orders\.dlq` \(span [0-9a-f]{16}\)\.$/,
      ) as unknown,
    });
    expect(check(db.query(read(id, 'start.sql')), run.spans).passed).toBe(false);
  });

  it('find-unlinked-producers: the answer is not trivial — some producers are linked, some are not', async () => {
    const { run } = await runOf(meta('find-unlinked-producers')!);
    const producers = run.spans.filter((span) => span.kind === 'producer');
    const answer = unlinkedProducers(run.spans);
    expect(producers).toHaveLength(5);
    expect(producers.filter((span) => answer.has(span.spanId)).map((span) => span.name)).toEqual([
      'send orders',
      'send orders.dlq',
    ]);
  });

  it.each(SQL_IDS)('%s: Check fails on each plausible half-answer, saying what is left undone', async (id) => {
    const exercise = meta(id)!;
    const { run, db } = await runOf(exercise);
    const answers = halfAnswers[id] ?? [];
    expect(answers.length, `${id} has a half-answer`).toBeGreaterThan(0);
    for (const answer of answers) {
      const verdict = SQL_CHECKS[exercise.check](db.query(answer.query), run.spans);
      expect(verdict.passed, answer.what).toBe(false);
      expect(verdict.message, answer.what).toMatch(answer.says);
    }
  });

  it.each(SQL_IDS)('%s: a query with a syntax error fails at its line and column', async (id) => {
    const { db } = await runOf(meta(id)!);
    // SQLite reads FORM as an alias of span_id, and stumbles on the next word.
    const outcome = db.query(`SELECT span_id\nFORM spans`);
    expect(outcome).toMatchObject({ ok: false, error: 'near "spans": syntax error', position: { line: 2, column: 6 } });
  });
});

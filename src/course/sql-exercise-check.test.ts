import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@spanlab/engine';
import { SpanDatabase } from '@spanlab/engine/sql';
import { runScenarioFile } from '@spanlab/engine/testing';
import { checkUnlinkedProducers } from './sql-exercise-check.ts';

// consumer-unlinked: one producer that its consumer does not link to; consumer-linked: the same, linked.
let run: RunResult;
let db: SpanDatabase;
beforeAll(async () => {
  run = await runScenarioFile('consumer-unlinked.ts');
  db = new SpanDatabase(await initSqlJs(), run.spans);
});

const ANSWER = `SELECT s.span_id, s.name FROM spans s
LEFT JOIN span_links l ON l.linked_span_id = s.span_id
WHERE s.kind = 'producer' AND l.source_span_id IS NULL`;

describe('the SQL exercise: producer spans no consumer linked to', () => {
  it('passes the right query', () => {
    expect(checkUnlinkedProducers(db.query(ANSWER), run.spans)).toEqual({
      passed: true,
      message: expect.stringMatching(
        /^1 producer span no consumer links to: `[^`]+` \(span [0-9a-f]{16}\)\.$/,
      ) as unknown,
    });
  });

  it('fails a query that forgets the producer kind, saying so', () => {
    const verdict = checkUnlinkedProducers(
      db.query(
        `SELECT s.span_id FROM spans s LEFT JOIN span_links l ON l.linked_span_id = s.span_id WHERE l.source_span_id IS NULL`,
      ),
      run.spans,
    );
    expect(verdict).toEqual({
      passed: false,
      message: expect.stringMatching(/not producers: keep only `kind = 'producer'`/) as unknown,
    });
  });

  it('fails an inner join, which returns the linked ones, saying so', async () => {
    const linked = await runScenarioFile('consumer-linked.ts');
    const linkedDb = new SpanDatabase(await initSqlJs(), linked.spans);
    const verdict = checkUnlinkedProducers(
      linkedDb.query(
        `SELECT s.span_id FROM spans s JOIN span_links l ON l.linked_span_id = s.span_id WHERE s.kind = 'producer'`,
      ),
      linked.spans,
    );
    expect(verdict).toEqual({
      passed: false,
      message: expect.stringMatching(/a consumer links to: keep those with no row in `span_links`/) as unknown,
    });
  });

  it('fails a result without span ids, and a query that errs', () => {
    expect(checkUnlinkedProducers(db.query(`SELECT name FROM spans`), run.spans).message).toMatch(/`span_id` column/);
    expect(checkUnlinkedProducers(db.query(`SELECT nope FROM spans`), run.spans).message).toMatch(
      /^The query failed: /,
    );
  });
});

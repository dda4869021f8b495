import { describe, expect, it } from 'vitest';
import { batchRun, makeRun, makeSpan, T1, T3 } from '../test-runs.ts';
import { collectProblems, MAX_PROBLEM_SPANS } from './problems.ts';
import { RunIndex } from './RunIndex.ts';

const summarise = (problems: ReturnType<typeof collectProblems>) =>
  problems.map((p) => [
    p.severity,
    p.source,
    p.title,
    p.line ?? null,
    p.column ?? null,
    p.spans.map((e) => e.span.name),
  ]);

describe('the Problems list', () => {
  it('lists errors with line and column first, then limits, findings, open spans and drops', () => {
    const run = batchRun();
    run.errors.push({ kind: 'runtime', name: 'TypeError', message: 'x is undefined', line: 12, column: 5 });
    run.limits.push({ limit: 'wall-clock', message: 'Stopped after 5 s.', line: 3, column: 1 });
    const findings = [
      {
        rule: 'batch-needs-links',
        severity: 'info' as const,
        message: 'Well linked.',
        spans: ['c000000000000001'],
        lesson: 'links',
      },
      {
        rule: 'retry-as-child',
        severity: 'error' as const,
        message: 'A retry should be linked.',
        spans: [`${T3}/c000000000000002`, 'nope'],
      },
    ];
    const problems = collectProblems(run, new RunIndex(run.spans), findings);
    expect(summarise(problems)).toEqual([
      ['error', 'runtime', 'TypeError', 12, 5, []],
      ['error', 'finding', 'retry-as-child', null, null, ['process m1']],
      ['warning', 'limit-hit', 'Limit: wall-clock', 3, 1, []],
      ['warning', 'never-ended', 'Never ended', null, null, ['process m2']],
      ['info', 'finding', 'batch-needs-links', null, null, ['process batch']],
    ]);
    expect(problems.at(-1)?.lesson).toBe('links');
  });

  it('is empty for a clean run', () => {
    const run = makeRun([makeSpan({ traceId: T1, spanId: 'a1' })]);
    expect(collectProblems(run, new RunIndex(run.spans))).toEqual([]);
  });

  it('says how many spans the span budget dropped, once', () => {
    const spans = [makeSpan({ traceId: T1, spanId: 'a1' })];
    const stats = {
      virtualMs: 1,
      wallMs: 1,
      spansStarted: 100_000,
      spansKept: 1,
      spansDropped: 99_999,
      consoleDropped: 4,
    };
    const hit = { limit: 'span-count' as const, message: 'The span budget keeps the first 1 spans.' };
    const withLimit = collectProblems(makeRun(spans, { stats, limits: [hit] }), new RunIndex(spans));
    expect(withLimit.map((p) => p.title)).toEqual(['Limit: span-count', 'Console lines dropped']);
    expect(withLimit[0]?.message).toContain('99,999 of 100,000 spans started were dropped; 1 span are shown.');
    const withoutLimit = collectProblems(makeRun(spans, { stats }), new RunIndex(spans));
    expect(withoutLimit.map((p) => p.title)).toEqual(['Spans dropped', 'Console lines dropped']);
  });

  it('counts what span limits dropped, listing the first spans', () => {
    const spans = Array.from({ length: MAX_PROBLEM_SPANS + 5 }, (_, i) =>
      makeSpan({ traceId: T1, spanId: `s${String(i)}`, dropped: { attributes: 2, events: 0, links: i === 0 ? 1 : 0 } }),
    );
    const problems = collectProblems(makeRun(spans), new RunIndex(spans));
    expect(problems.map((p) => [p.title, p.message, p.spans.length, p.moreSpans])).toEqual([
      ['Dropped attributes', "25 spans dropped 50 attributes in all (the SDK's span limits).", MAX_PROBLEM_SPANS, 5],
      ['Dropped links', "1 span dropped 1 link in all (the SDK's span limits).", 1, 0],
    ]);
  });

  it('names a syntax error by its kind, with its place', () => {
    const run = makeRun([], { errors: [{ kind: 'compile', message: "')' expected.", line: 2, column: 5 }] });
    expect(summarise(collectProblems(run, new RunIndex([])))).toEqual([['error', 'compile', 'Syntax error', 2, 5, []]]);
  });
});

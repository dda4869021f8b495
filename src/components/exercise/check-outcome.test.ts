import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateExpectations, lintTrace, type Expectation } from '@spanlab/engine';
import { runScenario } from '@spanlab/engine/node';
import { checkOutcome, compileOutcome } from './check-outcome.ts';

const DIR = new URL('../../content/exercises/link-the-batch/', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, DIR), 'utf8');
const { expectations } = parse(read('exercise.yaml')) as { expectations: Expectation[] };

async function checkSource(source: string) {
  const result = await runScenario(source, { fileName: 'link-the-batch.ts' });
  return checkOutcome(result, evaluateExpectations(result.spans, expectations), lintTrace(result.spans));
}

describe('checkOutcome, on real runs of the link-the-batch exercise', () => {
  it('fails the starting code, saying each fault once: the linter’s findings on it named under the check', async () => {
    const outcome = await checkSource(read('start.ts'));
    expect(outcome.passed).toBe(false);
    // The linter's error is the batch's fault the first check reports: not one more problem.
    expect(outcome.summary).toBe('Not yet: 1 of 3 checks pass.');
    const said = outcome.items.filter((item) => item.status !== 'pass');
    expect(said.map((item) => [item.status, item.title.slice(0, 30)])).toEqual([
      ['fail', '`process-message-batch` is a r'],
      ['fail', '3 spans match `process-message'],
    ]);
    expect(said[0]?.detail).toBe(
      '`process-message-batch` is a child of `send orders` in trace 1 · 68fe3018…, not a root; has no links, not 3',
    );
    expect(said[0]?.also).toBe(
      "The linter's `batch-parented-to-producer` and `batch-without-links` say this too; the Problems tab says why and how to fix it.",
    );
    expect(said[1]?.also).toBeUndefined();
  });

  it('lists a finding no check reports on its own, and counts it', async () => {
    // Every check passes; a span no check looks at is never ended.
    const outcome = await checkSource(`${read('solution.ts')}\ntrace.getTracer('extra').startSpan('left-open');\n`);
    const said = outcome.items.filter((item) => item.status !== 'pass');
    expect(said.map((item) => [item.status, item.title])).toEqual([['fail', 'Linter: span-not-ended']]);
    expect(said[0]?.detail).toMatch(/^`left-open` was never ended/);
    expect(outcome.summary).toBe('Not yet: 3 of 3 checks pass; the linter reports 1 error.');
  });

  it('passes the solution: every expectation passes and the linter finds no error', async () => {
    const outcome = await checkSource(read('solution.ts'));
    expect(outcome.items.map((item) => item.status)).toEqual(['pass', 'pass', 'pass']);
    expect(outcome).toMatchObject({
      passed: true,
      summary: 'Passed: all 3 checks pass and the linter finds no error.',
    });
  });

  it('fails a run that throws, even where the spans would pass, and says where it threw', async () => {
    const outcome = await checkSource(`${read('solution.ts')}\nthrow new Error('boom');\n`);
    expect(outcome.passed).toBe(false);
    expect(outcome.items[0]?.status).toBe('fail');
    expect(outcome.items[0]?.detail).toMatch(/^line \d+:\d+: .*boom/);
    expect(outcome.summary).toMatch(/the run did not end cleanly\.$/);
  });

  it('reports code that does not compile at its line, with nothing checked', async () => {
    const result = await runScenario('const x: number = ;\n', { fileName: 'link-the-batch.ts' });
    const outcome = compileOutcome(result);
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toMatch(/^Not checked: the code does not compile \(line 1:\d+: /);
  });
});

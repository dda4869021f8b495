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
  it('fails the starting code, naming the expectations and the linter errors', async () => {
    const outcome = await checkSource(read('start.ts'));
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toMatch(/^Not yet: 1 of 3 checks pass; the linter reports 1 error\.$/);
    expect(outcome.items.filter((item) => item.status === 'fail').map((item) => item.title)).toEqual([
      expect.stringContaining('`process-message-batch` is a root'),
      expect.stringContaining('`process-message *`'),
      'Linter: batch-parented-to-producer',
    ]);
    expect(outcome.items.find((item) => item.status === 'warning')?.title).toBe('Linter: batch-without-links');
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

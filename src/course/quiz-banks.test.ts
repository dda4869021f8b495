import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatIssues, lintTrace, type RuleId } from '@spanlab/engine';
import { LESSON_SLUGS } from './lessons.ts';
import { parseScenarioMeta } from './scenario-meta.ts';
import { runScenarioFile } from '@spanlab/engine/testing';
import { DECISION_LEAVES, DECISION_LEAVES_SHORT, DECISION_NODES, walkDecision } from './decision-flowchart.ts';
import { quizBankSchema, type QuizBank, type QuizQuestion } from './quiz-schema.ts';

const QUIZZES = new URL('../content/quizzes/', import.meta.url);
const SCENARIOS = new URL('../content/scenarios/', import.meta.url);

const bankFiles = readdirSync(QUIZZES)
  .filter((file) => file.endsWith('.yaml'))
  .sort();
const scenarioIds = new Set(
  readdirSync(SCENARIOS)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.replace(/\.yaml$/, '')),
);

/** Parses and validates one bank: the bank, or its problems as readable lines prefixed by the file. */
function loadBank(file: string): { ok: true; bank: QuizBank } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = parse(readFileSync(new URL(file, QUIZZES), 'utf8'));
  } catch (error) {
    return { ok: false, error: `${file}: ${(error as Error).message}` };
  }
  const parsed = quizBankSchema.safeParse(data);
  return parsed.success
    ? { ok: true, bank: parsed.data }
    : { ok: false, error: `${file}:\n${formatIssues(parsed.error)}` };
}

/** The rule a scenario's metadata says it teaches, if any. */
function teaches(scenario: string): RuleId | undefined {
  const meta = parseScenarioMeta(parse(readFileSync(new URL(`${scenario}.yaml`, SCENARIOS), 'utf8')));
  if (!meta.ok) throw new Error(`${scenario}.yaml: ${meta.error}`);
  return meta.meta.teaches;
}

const loaded = bankFiles.map((file) => ({ file, result: loadBank(file) }));
const banks = new Map(
  loaded.flatMap(({ file, result }) => (result.ok ? [[file.replace(/\.yaml$/, ''), result.bank] as const] : [])),
);
const questions: Array<QuizQuestion & { bank: string }> = [...banks].flatMap(([bank, { questions: qs }]) =>
  qs.map((question) => ({ ...question, bank })),
);

describe('the quiz banks', () => {
  it('every bank parses and is valid against the schema (errors name the file and the field)', () => {
    const problems = loaded.flatMap(({ result }) => (result.ok ? [] : [result.error]));
    expect(problems.join('\n\n')).toBe('');
  });

  it('has one bank per lesson, named after the lesson, that closes it', () => {
    for (const slug of LESSON_SLUGS) {
      expect(banks.has(slug), `no bank ${slug}.yaml`).toBe(true);
      expect(banks.get(slug)?.lesson).toBe(slug);
    }
  });

  it('gives every question an id no other question has, across all banks', () => {
    const seen = new Map<string, string>();
    const clashes = questions.flatMap(({ id, bank }) => {
      const other = seen.get(id);
      seen.set(id, bank);
      return other === undefined ? [] : [`${id} (${other} and ${bank})`];
    });
    expect(clashes).toEqual([]);
  });

  it('names only scenarios that exist, in tryIt and trace', () => {
    const missing = questions.flatMap((question) =>
      [question.tryIt, 'trace' in question ? question.trace : undefined]
        .filter((id): id is string => id !== undefined && !scenarioIds.has(id))
        .map((id) => `${question.id}: ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('asks at least 40 questions, 5 to 8 per lesson bank, at least one on the flowchart in each', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    for (const slug of LESSON_SLUGS) {
      const bank = banks.get(slug)?.questions ?? [];
      expect(bank.length, slug).toBeGreaterThanOrEqual(5);
      expect(bank.length, slug).toBeLessThanOrEqual(8);
      expect(
        bank.some((q) => q.kind === 'flowchart'),
        `${slug} has no flowchart question`,
      ).toBe(true);
    }
  });

  it('opens the span-links quiz with a flowchart question, which the browser quiz spec walks', () => {
    expect(banks.get('span-links')?.questions[0]?.kind).toBe('flowchart');
  });

  it('mixes the three kinds and covers the decision matrix, the guidelines and the common mistakes', () => {
    const kinds = new Set(questions.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['choice', 'flowchart', 'spot-the-mistake']);
    const topics = new Set(questions.map((q) => q.topic));
    for (const topic of ['decision-matrix', 'guidelines', 'mistakes'] as const) expect(topics).toContain(topic);
  });

  it('says why each wrong option is wrong', () => {
    const silent = questions.flatMap((q) =>
      q.kind === 'flowchart'
        ? []
        : q.options.filter((o) => !o.correct && o.why === undefined).map((o) => `${q.id}: ${o.text}`),
    );
    expect(silent).toEqual([]);
  });

  it('does not keep the right option in one place, so its position gives nothing away', () => {
    const positions = questions.flatMap((q) => (q.kind === 'flowchart' ? [] : [q.options.findIndex((o) => o.correct)]));
    const counts = new Map<number, number>();
    for (const position of positions) counts.set(position, (counts.get(position) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(positions.length / 2);
  });

  it('reaches all four leaves of the flowchart across its flowchart questions', () => {
    const leaves = new Set(
      questions.flatMap((q) => {
        if (q.kind !== 'flowchart') return [];
        const walk = walkDecision(q.path);
        return walk.ok ? [walk.leaf] : [`${q.id}: ${walk.error}`];
      }),
    );
    expect([...leaves].sort()).toEqual(Object.keys(DECISION_LEAVES).sort());
  });

  it("explains each flowchart walk in the chart's own words: every question on its path, then its leaf", () => {
    const unsaid = questions.flatMap((q) => {
      if (q.kind !== 'flowchart') return [];
      const walk = walkDecision(q.path);
      if (!walk.ok) return [`${q.id}: ${walk.error}`];
      const text = q.explanation.replace(/\s+/g, ' ').toLowerCase();
      const words = [...q.path.map((step) => DECISION_NODES[step.node].short), DECISION_LEAVES_SHORT[walk.leaf]];
      return words.filter((said) => !text.includes(said.toLowerCase())).map((said) => `${q.id}: "${said}"`);
    });
    expect(unsaid).toEqual([]);
  });

  const spotted = questions.filter(
    (q): q is Extract<QuizQuestion, { kind: 'spot-the-mistake' }> & { bank: string } =>
      q.kind === 'spot-the-mistake' && q.rule !== undefined,
  );

  it.each(spotted.map((q) => [q.id, q] as const))(
    '%s: its trace shows the mistake its rule names',
    async (_id, question) => {
      if (teaches(question.trace) === question.rule) return;
      // Not the rule the scenario was written to teach: it must still fire on the scenario's trace.
      const result = await runScenarioFile(`${question.trace}.ts`);
      expect(lintTrace(result.spans).map((finding) => finding.rule)).toContain(question.rule);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { formatIssues } from '@spanlab/engine';
import { quizBankSchema } from './quiz-schema.ts';

/** A bank or a question as it comes out of a YAML file, before validation. */
type Sample = Record<string, unknown>;

/** A small bank with one question of each kind, all valid. */
function validBank(): { title: string; lesson: string; questions: Sample[] } {
  return {
    title: 'Check yourself: span links',
    lesson: 'span-links',
    questions: [
      {
        id: 'kafka-batch',
        kind: 'flowchart',
        topic: 'decision-matrix',
        prompt: 'A consumer polls 200 records from many producers and processes them in one span.',
        path: [
          { node: 'started', answer: 'yes' },
          { node: 'only', answer: 'no' },
        ],
        explanation: 'Many origins, one span: links.',
        tryIt: 'batch-consumer',
      },
      {
        id: 'add-link-array',
        kind: 'choice',
        topic: 'api',
        prompt: 'Which method adds an array of links?',
        code: 'span.addLinks(links);',
        options: [
          { text: '`addLinks`', correct: true },
          { text: '`addLink`', why: 'It takes one link.' },
        ],
        explanation: '`addLink` takes one link, `addLinks` an array.',
      },
      {
        id: 'spot-parented-batch',
        kind: 'spot-the-mistake',
        topic: 'mistakes',
        trace: 'batch-consumer-parented',
        rule: 'batch-parented-to-producer',
        prompt: 'What is wrong with this trace?',
        options: [
          { text: 'The batch is a child of one producer.', correct: true },
          { text: 'Nothing.', correct: false },
        ],
        explanation: 'A batch has many origins.',
      },
    ],
  };
}

/** The problems of a bank as readable lines, or '' if it is valid. */
function problems(bank: unknown): string {
  const parsed = quizBankSchema.safeParse(bank);
  return parsed.success ? '' : formatIssues(parsed.error);
}

describe('quizBankSchema', () => {
  it('accepts a bank with a flowchart, a choice and a spot-the-mistake question', () => {
    const parsed = quizBankSchema.parse(validBank());
    expect(parsed.questions.map((q) => q.kind)).toEqual(['flowchart', 'choice', 'spot-the-mistake']);
    // `correct` defaults to false where a wrong option leaves it out.
    const choice = parsed.questions[1];
    expect(choice?.kind === 'choice' && choice.options[1]?.correct).toBe(false);
  });

  it('rejects a walk that leaves the chart, saying which step', () => {
    const bank = validBank();
    bank.questions[0]!['path'] = [
      { node: 'started', answer: 'yes' },
      { node: 'stay', answer: 'yes' },
    ];
    expect(problems(bank)).toBe('questions.0.path: step 2: expected question "only", got "stay"');
  });

  it('rejects a walk that stops before a leaf', () => {
    const bank = validBank();
    bank.questions[0]!['path'] = [{ node: 'started', answer: 'yes' }];
    expect(problems(bank)).toBe('questions.0.path: the walk stops at question "only", before an answer');
  });

  it('rejects an answer the chart does not offer, and a node it does not have', () => {
    const maybe = validBank();
    maybe.questions[0]!['path'] = [
      { node: 'started', answer: 'yes' },
      { node: 'only', answer: 'maybe' },
    ];
    // The old chart's "maybe" is no answer of this one.
    expect(problems(maybe)).toMatch(/^questions\.0\.path\.1\.answer: /);
    const after = validBank();
    after.questions[0]!['path'] = [
      { node: 'started', answer: 'no' },
      { node: 'only', answer: 'yes' },
    ];
    expect(problems(after)).toBe('questions.0.path: step 2: the walk already reached "none"');
    const unknown = validBank();
    unknown.questions[0]!['path'] = [{ node: 'sampled', answer: 'yes' }];
    expect(problems(unknown)).toMatch(/^questions\.0\.path\.0\.node: /);
  });

  it('rejects two correct options, and none', () => {
    const two = validBank();
    two.questions[1]!['options'] = [
      { text: '`addLinks`', correct: true },
      { text: '`addLink`', correct: true },
    ];
    expect(problems(two)).toBe('questions.1.options: exactly one option is correct');
    const none = validBank();
    none.questions[2]!['options'] = [{ text: 'This.' }, { text: 'That.' }];
    expect(problems(none)).toBe('questions.2.options: exactly one option is correct');
  });

  it('rejects an unknown kind of question', () => {
    const bank = validBank();
    bank.questions[1]!['kind'] = 'true-or-false';
    expect(problems(bank)).toMatch(/^questions\.1\.kind: /);
  });

  it('rejects a spot-the-mistake without a trace, an unknown rule, a stray field and a bad id', () => {
    const noTrace: Sample = { ...validBank().questions[2] };
    delete noTrace['trace'];
    expect(problems({ ...validBank(), questions: [noTrace] })).toMatch(/^questions\.0\.trace: /);

    const rule = validBank();
    rule.questions[2]!['rule'] = 'parent-is-fine';
    expect(problems(rule)).toMatch(/^questions\.2\.rule: /);

    const stray = { ...validBank(), questions: [{ ...validBank().questions[1], answer: 'addLinks' }] };
    expect(problems(stray)).toMatch(/answer/);

    const id = validBank();
    id.questions[0]!['id'] = 'Kafka Batch';
    expect(problems(id)).toBe('questions.0.id: lowercase words joined by hyphens');
  });

  it('rejects an empty bank and an unknown lesson', () => {
    expect(problems({ ...validBank(), questions: [] })).toMatch(/^questions: /);
    expect(problems({ ...validBank(), lesson: 'span-links-101' })).toMatch(/^lesson: /);
  });
});

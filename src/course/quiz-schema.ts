/** Quiz banks (`src/content/quizzes/<bank>.yaml`): questions on the decision flowchart, choices, and mistakes to spot on a trace. */
import { z } from 'zod';
import { RULE_IDS } from '@spanlab/engine';
import { LESSON_SLUGS } from './lessons.ts';
import { DECISION_NODES, walkDecision, type DecisionNodeId } from './decision-flowchart.ts';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens')
  .describe('A stable id, unique across all banks: progress and links refer to it.');
const scenarioId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .describe('The id of a scenario in src/content/scenarios/.');
const topic = z
  .enum(['decision-matrix', 'guidelines', 'mistakes', 'api', 'specification', 'analysis'])
  .describe(
    'What the question covers: the decision matrix, the guidelines table, a common mistake, the API, the specification, reading and querying traces.',
  );

/** Fields every kind of question has. */
const common = {
  id,
  topic,
  prompt: z.string().min(1).describe('The situation or the question, in Markdown (inline code, emphasis, paragraphs).'),
  code: z.string().min(1).optional().describe('A TypeScript excerpt shown under the prompt.'),
  explanation: z
    .string()
    .min(1)
    .describe('Why the right answer is right, shown once the reader has answered (Markdown).'),
  tryIt: scenarioId.optional().describe('A scenario that shows the answer, opened in the playground by "Try it".'),
};

const nodeIds = Object.keys(DECISION_NODES) as [DecisionNodeId, ...DecisionNodeId[]];

/** A step of the expected walk through the flowchart. */
const stepSchema = z.strictObject({
  node: z.enum(nodeIds).describe('The question of the flowchart.'),
  answer: z.enum(['yes', 'no']).describe('The answer to it.'),
});

/** A situation the reader walks through the decision flowchart. */
const flowchartQuestion = z
  .strictObject({
    kind: z.literal('flowchart'),
    ...common,
    trace: scenarioId.optional().describe('A scenario whose trace is drawn as part of the situation.'),
    path: z.array(stepSchema).min(1).describe('The right walk from the first question to a leaf.'),
  })
  .superRefine((question, ctx) => {
    const walk = walkDecision(question.path);
    if (!walk.ok) ctx.addIssue({ code: 'custom', path: ['path'], message: walk.error });
  });

/** A choice between written options, exactly one of them right. */
const optionsSchema = z
  .array(
    z.strictObject({
      text: z.string().min(1).describe('The option as shown (Markdown, inline).'),
      correct: z.boolean().default(false).describe('True for the one right option.'),
      why: z.string().min(1).optional().describe('Shown when the reader picks this option: why it is (not) right.'),
    }),
  )
  .min(2)
  .max(6)
  .refine((options) => options.filter((option) => option.correct).length === 1, 'exactly one option is correct');

/** A multiple-choice question. */
const choiceQuestion = z.strictObject({
  kind: z.literal('choice'),
  ...common,
  options: optionsSchema,
});

/** A rendered trace with a mistake in it: which is it? */
const spotQuestion = z.strictObject({
  kind: z.literal('spot-the-mistake'),
  ...common,
  trace: scenarioId.describe('The scenario whose trace is drawn: usually an anti-pattern.'),
  rule: z.enum(RULE_IDS).optional().describe('The lint rule that catches the mistake.'),
  options: optionsSchema,
});

/** One question. */
export const quizQuestionSchema = z.discriminatedUnion('kind', [flowchartQuestion, choiceQuestion, spotQuestion]);

/** A bank of questions: a file under src/content/quizzes/. */
export const quizBankSchema = z.strictObject({
  title: z.string().min(1).describe('The quiz as a heading, e.g. "Check yourself: span links".'),
  lesson: z
    .enum(LESSON_SLUGS)
    .optional()
    .describe('The lesson this bank closes; a bank without one appears only in the full quiz.'),
  questions: z.array(quizQuestionSchema).min(1).describe('The questions, in the order they are asked.'),
});

/** A question, validated. */
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
/** A bank, validated. */
export type QuizBank = z.infer<typeof quizBankSchema>;

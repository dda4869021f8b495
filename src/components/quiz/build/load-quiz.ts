/** Quizzes as the pages render them: banks read from the content collection, prepared at build time. */
import { getCollection, getEntry } from 'astro:content';
import type { TraceData } from '../quiz-data.ts';
import { prepareQuestion, type PreparedQuestion } from './prepare-question.ts';
import { quizTraces } from './quiz-traces.ts';

/** A quiz ready to render: its questions, the traces they draw, the titles of the scenarios they open. */
export interface PreparedQuiz {
  /** The id its score is recorded under: the bank's, or "all". */
  id: string;
  title: string;
  questions: PreparedQuestion[];
  traces: Record<string, TraceData>;
  /** Scenario id → title, for "Try it" links. */
  scenarioTitles: Record<string, string>;
}

async function finish(id: string, title: string, questions: PreparedQuestion[]): Promise<PreparedQuiz> {
  const seen = new Set<string>();
  for (const { data } of questions) {
    if (seen.has(data.id)) throw new Error(`Quiz question id "${data.id}" is used twice (in bank ${data.bank}).`);
    seen.add(data.id);
  }
  const scenarios = new Map((await getCollection('scenarios')).map((entry) => [entry.id, entry.data.title]));
  const scenarioTitles: Record<string, string> = {};
  for (const question of questions) {
    for (const scenario of [question.tryIt, question.data.trace]) {
      if (scenario === undefined) continue;
      const title = scenarios.get(scenario);
      if (title === undefined)
        throw new Error(`Quiz question "${question.data.id}" names scenario "${scenario}", which does not exist.`);
      scenarioTitles[scenario] = title;
    }
  }
  const runs = await quizTraces(questions.flatMap(({ data }) => (data.trace === undefined ? [] : [data.trace])));
  return { id, title, questions, traces: Object.fromEntries(runs), scenarioTitles };
}

/** The quiz of one bank (`src/content/quizzes/<bank>.yaml`), its questions in the bank's order. */
export async function loadBankQuiz(bank: string): Promise<PreparedQuiz> {
  const entry = await getEntry('quizzes', bank);
  if (entry === undefined) throw new Error(`<Quiz bank="${bank}" />: there is no src/content/quizzes/${bank}.yaml.`);
  return finish(
    bank,
    entry.data.title,
    entry.data.questions.map((question) => prepareQuestion(bank, question)),
  );
}

/** Every bank's questions, for the full quiz (recorded as "all"), which picks among them. */
export async function loadAllQuizzes(title: string): Promise<PreparedQuiz> {
  const banks = await getCollection('quizzes');
  const questions = banks.flatMap((entry) =>
    entry.data.questions.map((question) => prepareQuestion(entry.id, question)),
  );
  return finish('all', title, questions);
}

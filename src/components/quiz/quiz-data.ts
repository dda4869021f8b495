/** What the build hands the quiz's script: plain data, read from the page's markup. */
import type { DecisionStep } from '../../course/decision-flowchart.ts';
import type { RunResult } from '@spanlab/engine';
import type { Finding } from '../trace/model/finding.ts';

/** The kinds of question, as in the banks. */
export type QuestionKind = 'flowchart' | 'choice' | 'spot-the-mistake';

/** The data attribute on a question's section holding its {@link QuestionData} as JSON. */
export const QUESTION_DATA_ATTRIBUTE = 'data-qz-question';

/** One question as its script needs it: the markup holds the words. */
export interface QuestionData {
  /** The question's id, unique across banks. */
  id: string;
  /** The bank it comes from. */
  bank: string;
  kind: QuestionKind;
  /** The right walk (flowchart questions). */
  path?: DecisionStep[];
  /** The index of the right option (choice and spot-the-mistake questions). */
  correct?: number;
  /** The scenario whose trace the question draws. */
  trace?: string;
}

/** A scenario's run and what the linter says about it, as a question draws it. */
export interface TraceData {
  result: RunResult;
  findings: Finding[];
}

/** A bank's question made ready for the page at build time: its Markdown as HTML, its data for the script. */
import type { QuizQuestion } from '../../../course/quiz-schema.ts';
import type { QuestionData } from '../quiz-data.ts';
import { inlineMarkdownHtml, markdownHtml } from './markdown.ts';

/** An option of a choice, as HTML. */
export interface PreparedOption {
  html: string;
  whyHtml?: string;
  correct: boolean;
}

/** A question ready to render. */
export interface PreparedQuestion {
  data: QuestionData;
  /** The prompt's first sentence as plain text, to name the question in the score's review. */
  title: string;
  promptHtml: string;
  code?: string;
  explanationHtml: string;
  /** The scenario "Try it" opens in the playground. */
  tryIt?: string;
  /** The lint rule that catches the mistake (spot-the-mistake). */
  rule?: string;
  /** The options (choice and spot-the-mistake). */
  options?: PreparedOption[];
}

/** Renders a question's Markdown and collects the data its script needs. */
export function prepareQuestion(bank: string, question: QuizQuestion): PreparedQuestion {
  const data: QuestionData = { id: question.id, bank, kind: question.kind };
  const prepared: PreparedQuestion = {
    data,
    title: plainTitle(question.prompt),
    promptHtml: markdownHtml(question.prompt),
    explanationHtml: markdownHtml(question.explanation),
  };
  if (question.code !== undefined) prepared.code = question.code;
  if (question.tryIt !== undefined) prepared.tryIt = question.tryIt;
  if (question.kind === 'flowchart') {
    data.path = question.path.map(({ node, answer }) => ({ node, answer }));
    if (question.trace !== undefined) data.trace = question.trace;
  } else {
    data.correct = question.options.findIndex((option) => option.correct);
    prepared.options = question.options.map((option) => {
      const html: PreparedOption = { html: inlineMarkdownHtml(option.text), correct: option.correct };
      if (option.why !== undefined) html.whyHtml = inlineMarkdownHtml(option.why);
      return html;
    });
    if (question.kind === 'spot-the-mistake') {
      data.trace = question.trace;
      if (question.rule !== undefined) prepared.rule = question.rule;
    }
  }
  return prepared;
}

/** The first sentence of Markdown as plain text, cut to a readable length. */
export function plainTitle(markdown: string, maxChars = 90): string {
  const text = markdown
    .replace(/[*`]/g, '')
    // Underscores only where they mark emphasis: `span_links` keeps its own.
    .replace(/(^|\W)_+(\S.*?)_+(?=\W|$)/g, '$1$2')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = /^.+?[.?!](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length <= maxChars ? sentence : `${sentence.slice(0, maxChars - 1).trimEnd()}…`;
}

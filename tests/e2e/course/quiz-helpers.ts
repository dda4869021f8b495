/** Helpers for the quiz specs: open a quiz, read the question shown, walk the flowchart, choose, move on. */
import { expect, type Locator, type Page } from '@playwright/test';
import {
  answersOf,
  DECISION_LEAVES,
  DECISION_NODES,
  DECISION_ROOT,
  isLeaf,
  walkDecision,
  type DecisionStep,
} from '../../../src/course/decision-flowchart.ts';

export interface QuestionData {
  id: string;
  kind: 'flowchart' | 'choice' | 'spot-the-mistake';
  path?: DecisionStep[];
  correct?: number;
}

/**
 * Opens a page with a quiz and brings the quiz into view. No progress is kept: each test has a new
 * browser context, whose storage starts empty (so one page load, not a load, a clear and a reload).
 */
export async function openQuiz(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const quiz = page.locator('span-quiz').first();
  await expect(quiz).toHaveAttribute('data-ready', '');
  await quiz.scrollIntoViewIfNeeded();
  return quiz;
}

/** The question shown, and its data. */
export async function current(quiz: Locator): Promise<{ section: Locator; data: QuestionData }> {
  const section = quiz.locator('section.qz-question:not([hidden])');
  await expect(section).toHaveCount(1);
  const data = JSON.parse((await section.getAttribute('data-qz-question')) ?? '{}') as QuestionData;
  return { section, data };
}

/** Every walk from the first question to a leaf. */
export function allWalks(at = DECISION_ROOT, before: DecisionStep[] = []): DecisionStep[][] {
  return answersOf(at).flatMap(({ answer }) => {
    const steps = [...before, { node: at, answer }];
    const next = DECISION_NODES[at].next[answer];
    return isLeaf(next) ? [steps] : allWalks(next, steps);
  });
}

/** A walk that ends in another leaf than `right`. */
export function wrongWalk(right: DecisionStep[]): DecisionStep[] {
  const leaf = (steps: DecisionStep[]): string => (walkDecision(steps) as { leaf: string }).leaf;
  const wrong = allWalks().find((steps) => leaf(steps) !== leaf(right));
  if (wrong === undefined) throw new Error('every walk ends in the same leaf');
  return wrong;
}

/** What the text trail lists for a walk: each question in short with its answer, then the leaf. */
export function trailItems(steps: DecisionStep[]): string[] {
  const items = steps.map(
    (step) => `${DECISION_NODES[step.node].short} ${step.answer.replace(/^./, (c) => c.toUpperCase())}`,
  );
  const walk = walkDecision(steps);
  if (walk.ok) items.push(DECISION_LEAVES[walk.leaf]);
  return items;
}

/** Answers the flowchart's questions with the keyboard: focus moves to the next question's first answer. */
export async function walk(section: Locator, steps: DecisionStep[]): Promise<void> {
  const answers = section.locator('[data-qz-part=answers]');
  for (const [index, step] of steps.entries()) {
    const label = answersOf(step.node).find((a) => a.answer === step.answer)!.label;
    await expect(section.locator('[data-qz-part=ask]')).toHaveText(DECISION_NODES[step.node].question);
    const button = answers.getByRole('button', { name: label, exact: true });
    await button.focus();
    await button.press('Enter');
    if (index < steps.length - 1) await expect(answers.getByRole('button').first()).toBeFocused();
  }
}

/** Chart ids (`q_started`, `l_only_no`) of the nodes that carry a mark, sorted. */
export function markedNodes(chart: Locator, mark: string): Promise<string[]> {
  return chart
    .locator(`g.node.${mark}`)
    .evaluateAll((nodes) => nodes.map((node) => /-flowchart-(.+)-\d+$/.exec(node.id)?.[1] ?? '?').sort());
}

/** The chart ids a walk passes through: its questions and its leaf. */
export function walkNodes(steps: DecisionStep[]): string[] {
  const last = steps.at(-1)!;
  return [...steps.map((step) => `q_${step.node}`), `l_${last.node}_${last.answer}`].sort();
}

/** Chooses an option by keyboard (arrows in the radio group) and submits. */
export async function choose(section: Locator, index: number): Promise<void> {
  const radios = section.getByRole('radio');
  await radios.first().focus();
  if (index === 0) await radios.first().press('Space');
  for (let i = 0; i < index; i++) await section.page().keyboard.press('ArrowDown');
  await expect(radios.nth(index)).toBeChecked();
  await section.getByRole('button', { name: 'Submit', exact: true }).click();
}

/** Answers the question shown, right or not; returns whether it was right. */
export async function answer(section: Locator, data: QuestionData, right: boolean): Promise<boolean> {
  if (data.kind === 'flowchart') await walk(section, right ? data.path! : wrongWalk(data.path!));
  else {
    const count = await section.getByRole('radio').count();
    await choose(section, right ? data.correct! : (data.correct! + 1) % count);
  }
  await expect(section.locator('[data-qz-part=verdict]')).toBeFocused();
  return right;
}

/** Makes the full quiz ask every question (the last choice of its size). */
export async function askAll(quiz: Locator): Promise<void> {
  const select = quiz.getByLabel('Questions at a time');
  await select.selectOption({ index: (await select.locator('option').count()) - 1 });
}

/** Moves on from an answered question. */
export async function next(section: Locator): Promise<void> {
  await section.getByRole('button', { name: /^(Next question|See your score)$/ }).click();
}

/** Waits until the question's chart is drawn for the answers given so far (no drawing under way). */
export async function chartDrawn(section: Locator): Promise<Locator> {
  const box = section.locator('[data-qz-part=chart]');
  await expect(box).not.toHaveAttribute('aria-busy', 'true');
  const chart = box.locator('svg.qz-chart-svg');
  await expect(chart).toBeVisible();
  return chart;
}

/**
 * The quizzes in Chromium: a flowchart walk lit up on the Mermaid chart and in words, choices
 * by keyboard, the score recorded and kept across a reload, the full quiz's seeded deal, a trace
 * whose mistake is marked once answered, and an axe scan of a lesson with a quiz. The specs read
 * each question's data from the page, so they hold whatever the banks ask.
 */
import {
  DECISION_LEAVES,
  DECISION_LEAVES_SHORT,
  DECISION_NODES,
  DECISION_ROOT,
  walkDecision,
  type DecisionLeaf,
} from '../../../src/course/decision-flowchart.ts';
import { SPEC_VERSIONS } from '../../../src/course/spec-quotes.ts';
import {
  describeViolations,
  expect,
  saveElementScreenshot,
  saveScreenshot,
  seriousViolations,
  switchColorScheme,
  test,
} from '../fixtures.ts';
import {
  allWalks,
  answer,
  askAll,
  chartDrawn,
  current,
  markedNodes,
  next,
  openQuiz,
  trailItems,
  walk,
  walkNodes,
  wrongWalk,
} from './quiz-helpers.ts';

/** A lesson that ends with a quiz whose first question walks the flowchart. */
const LESSON = '/lessons/span-links/';
const PROGRESS_KEY = 'span-lab:progress:v1';

test('a flowchart walk lights up on the chart and in words: a wrong leaf with the right path, then a right one', async ({
  page,
}) => {
  // Nine answers, each waited for until its chart is drawn: on a loaded two-core machine, up to a minute.
  test.setTimeout(90_000);
  const quiz = await openQuiz(page, LESSON);
  const { section, data } = await current(quiz);
  expect(data.kind).toBe('flowchart');
  const right = data.path!;
  const wrong = wrongWalk(right);
  const trail = section.locator('[data-qz-part=trail]');

  // Before any answer: the first question is the current one, and the trail says nothing is walked.
  let chart = await chartDrawn(section);
  await expect.poll(() => markedNodes(chart, 'qz-current')).toEqual([`q_${DECISION_ROOT}`]);
  await expect(trail.locator('li')).toHaveText(['Nothing yet: answer the first question.']);
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('aria-describedby', (await trail.getAttribute('id'))!);

  // Mid-walk: the path so far, and the question asked now.
  await walk(section, wrong.slice(0, 1));
  const second = DECISION_NODES[wrong[0]!.node].next[wrong[0]!.answer] as keyof typeof DECISION_NODES;
  chart = await chartDrawn(section);
  await expect.poll(() => markedNodes(chart, 'qz-current')).toEqual([`q_${second}`]);
  await expect(chart.locator('path.flowchart-link.qz-walked')).toHaveCount(1);
  await expect(trail.locator('li')).toHaveText(trailItems(wrong.slice(0, 1)));
  await saveElementScreenshot(section, 'quiz-flowchart-mid-walk');

  // A wrong leaf: said in words, the reader's path and the right one marked on the chart.
  await walk(section, wrong.slice(1));
  const verdict = section.locator('[data-qz-part=verdict]');
  await expect(verdict).toContainText('Not quite');
  await expect(verdict).toContainText(
    `the right answer is “${DECISION_LEAVES_SHORT[(walkDecision(right) as { leaf: DecisionLeaf }).leaf]}”`,
  );
  await expect(trail.locator('li')).toHaveText(trailItems(wrong));
  await expect(section.locator('[data-qz-part=right-path]')).toContainText(trailItems(right).join(' → '));
  chart = await chartDrawn(section);
  await expect(chart.locator('g.node.qz-reached')).toContainText('(your answer)');
  await expect(chart.locator('g.node.qz-correct')).toHaveCount(0);
  await expect.poll(() => markedNodes(chart, 'qz-walked')).toEqual(walkNodes(wrong));
  await expect.poll(() => markedNodes(chart, 'qz-right')).toEqual(walkNodes(right));
  await expect(chart.locator('path.flowchart-link.qz-walked')).toHaveCount(wrong.length);
  await expect(chart.locator('path.flowchart-link.qz-right')).toHaveCount(right.length);
  await expect(chart.locator('g.node.qz-right').filter({ hasText: '✓ (right answer)' })).toHaveCount(1);
  await expect(section.getByRole('link', { name: /^Try it in the playground/ })).toHaveAttribute(
    'href',
    /^\/playground\/\?scenario=[a-z0-9-]+$/,
  );
  await saveElementScreenshot(section, 'quiz-flowchart-wrong');

  // Start over and walk it right: the reached leaf is the right one, no right path is drawn.
  await section.getByRole('button', { name: 'Start over' }).click();
  await expect(section.locator('[data-qz-part=feedback]')).toBeHidden();
  await expect(trail.locator('li')).toHaveText(['Nothing yet: answer the first question.']);
  await walk(section, right);
  await expect(verdict).toContainText('Right:');
  await expect(verdict).toContainText('Your first answer, not right, is the one scored.');
  chart = await chartDrawn(section);
  await expect(chart.locator('g.node.qz-reached.qz-correct')).toContainText('✓ (your answer, right)');
  await expect.poll(() => markedNodes(chart, 'qz-walked')).toEqual(walkNodes(right));
  await expect(chart.locator('.qz-right')).toHaveCount(0);
  await expect(trail.locator('li')).toHaveText(trailItems(right));
  await saveElementScreenshot(section, 'quiz-flowchart-right');
});

test('every leaf of the chart can be reached, and the chart marks the one reached, in either theme', async ({
  page,
}) => {
  // Four walks and a half, each answer waited for until its chart is drawn; the start, the mid-walk
  // and every leaf drawn in both themes (each round trip is two more Mermaid renders and two
  // screenshots), so that each leaf's marks are seen in light and dark.
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'light' });
  const quiz = await openQuiz(page, LESSON);
  const { section } = await current(quiz);
  /** Saves the chart as it is in both themes; switching redraws it, and the marks must survive that. */
  const inBothThemes = async (name: string, marks: () => Promise<void>): Promise<void> => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await switchColorScheme(page, colorScheme);
      await chartDrawn(section);
      await marks();
      await saveElementScreenshot(section, `${name}-${colorScheme}`);
    }
    await switchColorScheme(page, 'light');
  };
  await inBothThemes('quiz-flowchart-start', () =>
    expect.poll(() => markedNodes(section.locator('svg.qz-chart-svg'), 'qz-current')).toEqual([`q_${DECISION_ROOT}`]),
  );
  const walks = allWalks();
  await walk(section, walks[0]!.slice(0, 2));
  await inBothThemes('quiz-flowchart-mid-walk', () =>
    expect.poll(async () => markedNodes(section.locator('svg.qz-chart-svg'), 'qz-current')).toHaveLength(1),
  );
  for (const steps of walks) {
    const leaf = (walkDecision(steps) as { leaf: DecisionLeaf }).leaf;
    if (await section.getByRole('button', { name: 'Start over' }).isVisible())
      await section.getByRole('button', { name: 'Start over' }).click();
    await walk(section, steps);
    await expect(section.locator('[data-qz-part=trail] li').last()).toHaveText(DECISION_LEAVES[leaf]);
    const marked = async (): Promise<void> => {
      const chart = await chartDrawn(section);
      await expect
        .poll(() => markedNodes(chart, 'qz-reached'))
        .toEqual([walkNodes(steps).find((id) => id.startsWith('l_'))]);
      await expect.poll(() => markedNodes(chart, 'qz-walked')).toEqual(walkNodes(steps));
    };
    await inBothThemes(`quiz-flowchart-leaf-${leaf}`, marked);
  }
});

test('a lesson names the specification and conventions versions it was checked against, under its quiz', async ({
  page,
}) => {
  await page.goto(LESSON);
  const versions = page.locator('[data-spec-versions]');
  await expect(versions).toContainText(`OpenTelemetry specification ${SPEC_VERSIONS.specification}`);
  await expect(versions).toContainText(`OpenTelemetry semantic conventions ${SPEC_VERSIONS.semanticConventions}`);
  await expect(versions.getByRole('link')).toHaveCount(2);
});

test('the score is recorded at the end, survives a reload, and Try again starts over', async ({ page }) => {
  // Two sittings of a whole quiz, each answer redrawing a chart: up to a minute on a loaded two-core machine.
  test.setTimeout(60_000);
  const quiz = await openQuiz(page, LESSON);
  const bank = (await quiz.getAttribute('data-quiz-id'))!;
  const total = await quiz.locator('section.qz-question').count();
  let score = 0;
  for (let number = 1; number <= total; number++) {
    const { section, data } = await current(quiz);
    await expect(section.getByRole('heading', { level: 3 })).toContainText(
      `Question ${String(number)} of ${String(total)}`,
    );
    // Right, except the second question.
    if (await answer(section, data, number !== 2)) score += 1;
    await next(section);
  }
  const heading = quiz.getByRole('heading', { name: `You scored ${String(score)} of ${String(total)}` });
  await expect(heading).toBeFocused();
  await expect(quiz.getByRole('list', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(total);
  const stored = (): Promise<unknown> =>
    page.evaluate(
      ([key, id]) =>
        (JSON.parse(localStorage.getItem(key!) ?? '{}') as { quizzes?: Record<string, unknown> }).quizzes?.[id!],
      [PROGRESS_KEY, bank],
    );
  await expect.poll(stored).toEqual({ score, total, best: score });
  await page.reload();
  await expect.poll(stored).toEqual({ score, total, best: score });

  const reloaded = page.locator('span-quiz').first();
  await expect(reloaded).toHaveAttribute('data-ready', '');
  await expect((await current(reloaded)).section.getByRole('heading', { level: 3 })).toContainText(
    `Question 1 of ${String(total)}`,
  );
  // Try again, after finishing: the first question again, its heading focused.
  await reloaded.scrollIntoViewIfNeeded();
  for (let number = 1; number <= total; number++) {
    const { section, data } = await current(reloaded);
    await answer(section, data, true);
    await next(section);
  }
  await expect.poll(stored).toEqual({ score: total, total, best: total });
  await reloaded.getByRole('button', { name: 'Try again' }).click();
  await expect((await current(reloaded)).section.getByRole('heading', { level: 3 })).toBeFocused();
});

test('a choice by keyboard says which option was right, in words', async ({ page }) => {
  const quiz = await openQuiz(page, '/quiz/?seed=3');
  await askAll(quiz);
  let found: Awaited<ReturnType<typeof current>> | undefined;
  for (;;) {
    const shown = await current(quiz);
    if (shown.data.kind === 'choice') {
      found = shown;
      break;
    }
    await answer(shown.section, shown.data, true);
    await next(shown.section);
  }
  const { section, data } = found;
  const count = await section.getByRole('radio').count();
  const submit = section.getByRole('button', { name: 'Submit', exact: true });
  await submit.click();
  await expect(section.getByRole('status')).toHaveText('Choose an answer first.');
  const wrong = (data.correct! + 1) % count;
  // Arrows choose, Enter submits.
  const radios = section.getByRole('radio');
  await radios.first().focus();
  for (let i = 0; i < wrong; i++) await page.keyboard.press('ArrowDown');
  if (wrong === 0) await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(section.locator('[data-qz-part=verdict]')).toContainText(
    `the right answer is option ${String(data.correct! + 1)}`,
  );
  const options = section.locator('.qz-option');
  await expect(options.nth(wrong).locator('[data-qz-part=mark]')).toHaveText('✗ Your answer: not right');
  await expect(options.nth(data.correct!).locator('[data-qz-part=mark]')).toHaveText('✓ The right answer');
  await expect(submit).toBeHidden();
});

test('the full quiz deals a seeded selection, and New quiz deals other questions', async ({ page }) => {
  const quiz = await openQuiz(page, '/quiz/?seed=11');
  const ids = (): Promise<string[]> =>
    page.evaluate(() => [
      ...(document.querySelector('span-quiz') as unknown as { session: { ids: string[] } }).session.ids,
    ]);
  const first = await ids();
  const all = await quiz.locator('section.qz-question').count();
  expect(first).toHaveLength(Math.min(10, all));
  await page.reload();
  await expect(page.locator('span-quiz')).toHaveAttribute('data-ready', '');
  expect(await ids()).toEqual(first);
  await quiz.getByRole('button', { name: 'New quiz' }).first().click();
  const second = await ids();
  expect(second).toHaveLength(first.length);
  if (all >= 20) expect(second.filter((id) => first.includes(id))).toEqual([]);
  await expect((await current(quiz)).section.getByRole('heading', { level: 3 })).toBeFocused();
  await quiz.getByLabel('Questions at a time').selectOption('5');
  await expect((await current(quiz)).section.getByRole('heading', { level: 3 })).toContainText('Question 1 of 5');
});

test('a spot-the-mistake question draws its trace, and marks the mistake once answered', async ({ page }) => {
  // Answers its way to such a question through the full quiz.
  test.setTimeout(60_000);
  const quiz = await openQuiz(page, '/quiz/?seed=5');
  await askAll(quiz);
  let found: Awaited<ReturnType<typeof current>> | undefined;
  for (;;) {
    const shown = await current(quiz);
    if (shown.data.kind === 'spot-the-mistake' && (await shown.section.locator('.qz-rule').count()) > 0) {
      found = shown;
      break;
    }
    await answer(shown.section, shown.data, true);
    await next(shown.section);
  }
  const { section, data } = found;
  const trace = section.locator('trace-views');
  // The views of a run with only three of its tabs, and no line about the run: nothing that gives the answer away.
  await expect(trace.getByRole('tab')).toHaveText(['Waterfall', 'Link graph', 'Spans']);
  await expect(trace.locator('.tv-summary')).toBeHidden();
  await expect(trace.locator('rect[role=button]').first()).toBeVisible();
  await expect(trace.locator('.tv-flagged')).toHaveCount(0);
  await saveScreenshot(page, 'quiz-spot-the-mistake');
  await answer(section, data, false);
  await expect(trace.locator('.tv-flagged').first()).toBeVisible();
  await trace.getByRole('tab', { name: 'Link graph' }).click();
  await expect(trace.locator('g.node.tv-flagged').first()).toBeVisible();
  await saveElementScreenshot(trace, 'quiz-spot-the-mistake-answered');
});

test('axe finds no serious violation on a lesson with a quiz, before and after an answer', async ({ page }) => {
  const quiz = await openQuiz(page, LESSON);
  const { section, data } = await current(quiz);
  await expect(section.locator('svg.qz-chart-svg')).toBeVisible();
  let violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  await answer(section, data, false);
  await expect(section.locator('svg.qz-chart-svg g.node.qz-reached')).toHaveCount(1);
  violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});

test.describe('in the dark theme, at 600 px', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 600, height: 900 } });

  test('axe finds no serious violation in a finished flowchart question of the full quiz', async ({ page }) => {
    const quiz = await openQuiz(page, '/quiz/?seed=2');
    await askAll(quiz);
    let shown = await current(quiz);
    while (shown.data.kind !== 'flowchart') {
      await answer(shown.section, shown.data, true);
      await next(shown.section);
      shown = await current(quiz);
    }
    await answer(shown.section, shown.data, false);
    await expect(shown.section.locator('svg.qz-chart-svg g.node.qz-reached')).toHaveCount(1);
    await saveScreenshot(page, 'quiz-flowchart-wrong-dark-600');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

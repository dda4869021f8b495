/**
 * The course end to end, as a newcomer takes it: every lesson in turn, every scenario in it run
 * and edited, every exercise failed on its starting code and then passed, every quiz answered,
 * and the lesson, exercises and score kept as progress.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { LESSON_SLUGS } from '../../../src/course/lessons.ts';
import { expect, test } from '../fixtures.ts';
import { check, runScenario, setCode, spanNames } from './lesson-parts.ts';
import { answer, current, next } from './quiz-helpers.ts';

const PROGRESS_KEY = 'span-lab:progress:v1';

/** An edit any scenario accepts: one more span, in a trace of its own, named for the reader. */
const EDIT =
  "\nimport { trace as readerTrace } from '@opentelemetry/api';\nreaderTrace.getTracer('reader').startSpan('reader-edit').end();\n";

const CONTENT = new URL('../../../src/content/', import.meta.url);

/** The ids of the scenarios (`scenarios/<id>.yaml`) or exercises (`exercises/<id>/exercise.yaml`) whose metadata names `lesson`. */
function partsOf(lesson: string, kind: 'scenarios' | 'exercises'): string[] {
  return readdirSync(new URL(kind, CONTENT))
    .filter((name) => (kind === 'exercises' ? !name.includes('.') : name.endsWith('.yaml')))
    .map((name) => (kind === 'exercises' ? name : name.replace(/\.yaml$/, '')))
    .filter((id) => {
      const file = kind === 'exercises' ? `exercises/${id}/exercise.yaml` : `scenarios/${id}.yaml`;
      return new RegExp(`^lesson: ${lesson}$`, 'm').test(readFileSync(new URL(file, CONTENT), 'utf8'));
    })
    .sort();
}

function solutionOf(id: string, file = 'solution.ts'): string {
  return readFileSync(new URL(`../../../src/content/exercises/${id}/${file}`, import.meta.url), 'utf8');
}

for (const slug of LESSON_SLUGS) {
  test(`${slug}: every scenario runs and takes an edit, every exercise passes, the quiz is taken, and it is all kept`, async ({
    page,
  }) => {
    // A whole lesson: several runs, checks and a quiz, on a two-core machine.
    test.setTimeout(180_000);
    // Each test's browser context starts with empty storage: nothing to clear.
    await page.goto(`/lessons/${slug}/`);

    // Every scenario and exercise that names the lesson is on its page.
    const scenarioIds = await page
      .locator('lesson-scenario')
      .evaluateAll((parts) => parts.map((p) => p.getAttribute('data-scenario')));
    // A SQL exercise runs its own scenario, whose trace its query reads.
    const sqlScenarioIds = await page
      .locator('span-lab-sql-exercise')
      .evaluateAll((parts) => parts.map((p) => p.getAttribute('data-scenario')));
    // (A lesson may show another lesson's scenario too: the SQL lesson queries the batch consumer.)
    expect([...scenarioIds, ...sqlScenarioIds]).toEqual(expect.arrayContaining(partsOf(slug, 'scenarios')));
    const onPage = await page
      .locator('span-lab-exercise, span-lab-sql-exercise')
      .evaluateAll((parts) => parts.map((p) => p.getAttribute('data-exercise')));
    expect(onPage.sort()).toEqual(partsOf(slug, 'exercises'));

    for (const part of await page.locator('lesson-scenario').all()) {
      await part.scrollIntoViewIfNeeded();
      const first = await runScenario(part);
      expect(first).toMatch(/^Ran in/);
      await expect(part.locator('figure.tv-mermaid').first()).toBeVisible();
      if (first.includes('The sampler dropped')) {
        // A sampler decides by trace id, and the edit's span shifts every id after it: compare
        // always-on runs, picked as a reader would (which also shows the picker reaches the run).
        await part.locator('select[data-run-setting="sampler"]').selectOption('always');
        const always = await runScenario(part);
        expect(always).toMatch(/^Ran in/);
        expect(always).not.toContain('The sampler dropped');
      }
      const before = await spanNames(part);
      await setCode(
        part,
        `${await part.locator('scenario-editor').evaluate((e) => (e as HTMLElement & { value: string }).value)}${EDIT}`,
      );
      expect(await runScenario(part)).toMatch(/^Ran in/);
      expect(await spanNames(part)).toEqual(expect.arrayContaining([...before, 'reader-edit']));
    }

    const exerciseIds: string[] = [];
    for (const part of await page.locator('span-lab-exercise').all()) {
      await part.scrollIntoViewIfNeeded();
      const id = (await part.getAttribute('data-exercise'))!;
      exerciseIds.push(id);
      expect(await check(part), `${id}: the starting code`).toMatch(/^Not yet/);
      await setCode(part, solutionOf(id));
      expect(await check(part), `${id}: the solution`).toMatch(/^Passed/);
    }
    for (const part of await page.locator('span-lab-sql-exercise').all()) {
      await part.scrollIntoViewIfNeeded();
      const id = (await part.getAttribute('data-exercise'))!;
      exerciseIds.push(id);
      expect(await check(part), `${id}: the starting query`).toMatch(/^Not yet/);
      await part.getByRole('textbox', { name: /^Your query/ }).fill(solutionOf(id, 'solution.sql'));
      expect(await check(part), `${id}: the solution`).toMatch(/^Passed/);
    }

    const quiz = page.locator('span-quiz').first();
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz).toHaveAttribute('data-ready', '');
    const total = await quiz.locator('section.qz-question').count();
    expect(total).toBeGreaterThanOrEqual(5);
    for (let number = 1; number <= total; number++) {
      const { section, data } = await current(quiz);
      await answer(section, data, true);
      await next(section);
    }
    await expect(quiz.getByRole('heading', { name: `You scored ${String(total)} of ${String(total)}` })).toBeVisible();

    // The end of the lesson: it counts as read.
    await page.locator('.span-lab-lesson-end').scrollIntoViewIfNeeded();
    const stored = (): Promise<{ lessonsRead: string[]; exercises: Record<string, { passed: boolean }> }> =>
      page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as never, PROGRESS_KEY);
    await expect.poll(async () => (await stored()).lessonsRead).toContain(slug);
    const { exercises } = await stored();
    for (const id of exerciseIds) expect(exercises[id], id).toEqual({ passed: true });
  });
}

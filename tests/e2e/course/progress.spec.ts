import type { Page } from 'playwright-core';
import { describeViolations, expect, saveScreenshot, seriousViolations, switchColorScheme, test } from '../fixtures.ts';

const LESSON = '/lessons/understanding-span-relationships/';
const KEY = 'span-lab:progress:v1';

/** Some progress, as the exercises and quizzes record it (src/course/progress.ts). */
const SOME_PROGRESS = {
  lessonsRead: ['understanding-span-relationships', 'parent-child'],
  exercises: { 'order-children': { passed: true }, 'link-the-batch': { passed: false } },
  quizzes: {
    'understanding-span-relationships': { score: 3, total: 5, best: 4 },
    'parent-child': { score: 4, total: 4, best: 4 },
  },
};

async function seed(page: Page, progress: unknown): Promise<void> {
  await page.goto('/course/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(progress)] as const);
  await page.reload();
}

function lessonItem(page: Page, title: string) {
  return page.locator('course-progress li[data-lesson]').filter({ has: page.getByRole('heading', { name: title }) });
}

test('reading a lesson to its end marks it read, in the sidebar and on the course overview, and it survives a reload', async ({
  page,
}) => {
  await page.goto(LESSON);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const sidebarLink = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Understanding span relationships' });
  await expect(sidebarLink, 'the top of the lesson is not its end').not.toContainText('(read)');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();

  await page.locator('.pagination-links').scrollIntoViewIfNeeded();
  await expect(sidebarLink).toContainText('(read)');
  await expect(sidebarLink.locator('svg')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, 'lesson-read-in-sidebar', { fullPage: false });

  await page.goto('/course/');
  const item = lessonItem(page, 'Understanding span relationships');
  await expect(item.locator('[data-co-state]').first()).toHaveText('Read');
  await expect(lessonItem(page, 'Parent and child').locator('[data-co-state]').first()).toHaveText('Not read yet');
  await expect(page.locator('[data-co="lessons"]')).toHaveText('1 of 10 lessons read');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Understanding span relationships' }),
  ).toContainText('(read)');

  await page.reload();
  await expect(item.locator('[data-co-state]').first()).toHaveText('Read');
  await expect(page.locator('[data-co="lessons"]')).toHaveText('1 of 10 lessons read');
});

test('the overview lists the ten lessons in order, with exercises passed and quiz scores', async ({ page }) => {
  await seed(page, SOME_PROGRESS);
  const titles = page.locator('course-progress li[data-lesson] h3');
  await expect(titles).toHaveCount(10);
  await expect(titles.first()).toHaveText('Understanding span relationships');
  await expect(titles.nth(1)).toHaveText('Parent and child');
  await expect(page.locator('course-progress li[data-lesson] h3 a').first()).toHaveAttribute('href', LESSON);

  await expect(page.locator('[data-co="lessons"]')).toHaveText('2 of 10 lessons read');
  await expect(page.locator('[data-co="exercises"]')).toContainText(/^1 of \d+ exercises passed$/);
  await expect(page.locator('[data-co="quizzes"]')).toContainText(/^2 of \d+ quizzes taken$/);
  await expect(page.locator('[data-co="points"]')).toHaveText('Best scores: 8 of 9 points');
  await expect(page.getByText('Kept in this browser only')).toBeVisible();
  await expect(page.getByText('Progress cannot be kept in this browser')).toBeHidden();
  // The first lesson not read yet, in course order: the third.
  const next = page.getByRole('link', { name: 'Continue with Context propagation' });
  await expect(next).toHaveAttribute('href', /\/lessons\/context-propagation\/$/);

  await expect(page.locator('[data-exercise="order-children"] [data-co-state]')).toHaveText('Passed');
  await expect(page.locator('[data-exercise="order-children"]')).toContainText('Make the steps children of the order');
  await expect(page.locator('[data-exercise="link-the-batch"] [data-co-state]')).toHaveText('Tried, not passed yet');
  await expect(page.locator('[data-quiz="understanding-span-relationships"] [data-co-state]')).toHaveText(
    'Best 4 of 5, last 3',
  );
  await expect(page.locator('[data-quiz="parent-child"] [data-co-state]')).toHaveText('Best 4 of 4');
  // Never colour alone: a done item has a check, the others an empty circle, beside its words.
  await expect(page.locator('[data-exercise="order-children"] .co-state__icon--done')).toBeVisible();
  await expect(page.locator('[data-exercise="link-the-batch"] .co-state__icon--todo')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText('(read)')).toHaveCount(2);
  await saveScreenshot(page, 'course-progress-desktop', { fullPage: false });
});

test('the overview follows progress made in another tab', async ({ page, context }) => {
  await page.goto('/course/');
  await expect(page.locator('[data-co="lessons"]')).toHaveText('0 of 10 lessons read');
  const other = await context.newPage();
  await other.goto('/lessons/parent-child/');
  await other.locator('.pagination-links').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-co="lessons"]')).toHaveText('1 of 10 lessons read');
  await expect(lessonItem(page, 'Parent and child').locator('[data-co-state]').first()).toHaveText('Read');
});

test('reset asks first: Escape and Cancel keep the progress, Reset progress clears it', async ({ page }) => {
  await seed(page, SOME_PROGRESS);
  const open = page.getByRole('button', { name: 'Reset progress…' });
  const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
  await expect(dialog).toBeHidden();

  await open.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' }), 'focus starts on the safe choice').toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.locator('[data-co="lessons"]')).toHaveText('2 of 10 lessons read');

  await open.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-co="lessons"]')).toHaveText('2 of 10 lessons read');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toContain('parent-child');

  await open.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Reset progress' }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'reset' })).toHaveText('Your progress has been reset.');
  await expect(page.locator('[data-co="lessons"]')).toHaveText('0 of 10 lessons read');
  await expect(page.locator('[data-co="points"]')).toHaveText('No quiz taken yet');
  await expect(page.locator('[data-exercise="order-children"] [data-co-state]')).toHaveText('Not tried yet');
  await expect(page.getByRole('link', { name: 'Start with Understanding span relationships' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText('(read)')).toHaveCount(0);

  await page.reload();
  await expect(page.locator('[data-co="lessons"]')).toHaveText('0 of 10 lessons read');
});

test('where the browser blocks storage, the overview says progress cannot be kept, and still works for the page', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/course/');
  await expect(page.getByText('Progress cannot be kept in this browser')).toBeVisible();
  await expect(page.getByText('Kept in this browser only')).toBeHidden();
  await saveScreenshot(page, 'course-storage-blocked', { fullPage: false });
  await expect(page.locator('[data-co="lessons"]')).toHaveText('0 of 10 lessons read');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Reset progress', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'reset' })).toHaveText('Your progress has been reset.');

  await page.goto(LESSON);
  await page.locator('.pagination-links').scrollIntoViewIfNeeded();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Understanding span relationships' }),
    'read for as long as the page lasts',
  ).toContainText('(read)');
  expect(errors).toEqual([]);
});

test('a stored value that is not progress shows as no progress, not an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await seed(page, { lessonsRead: 'everything', exercises: [1, 2], quizzes: { x: { score: 'a lot' } } });
  await expect(page.locator('[data-co="lessons"]')).toHaveText('0 of 10 lessons read');
  await expect(page.locator('[data-co="points"]')).toHaveText('No quiz taken yet');
  expect(errors).toEqual([]);
});

test.describe('600 px', () => {
  test.use({ viewport: { width: 600, height: 900 } });

  test('the overview with some progress, and its reset dialog, have no serious accessibility violation in either theme', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await seed(page, SOME_PROGRESS);
    await expect(page.locator('[data-co="lessons"]')).toHaveText('2 of 10 lessons read');
    const scan = async (what: string, options?: { fullPage: boolean }): Promise<void> => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await switchColorScheme(page, colorScheme);
        const violations = await seriousViolations(page);
        expect(violations, `${what}, ${colorScheme}: ${describeViolations(violations)}`).toEqual([]);
        await saveScreenshot(page, `${what}-${colorScheme}-600`, options);
      }
    };
    await scan('course-progress');
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await scan('course-reset-dialog', { fullPage: false });
  });
});

import { RULE_IDS } from '../../../src/simulator/checks/lint/rule-ids.ts';
import { describeViolations, expect, saveScreenshot, seriousViolations, test } from '../fixtures.ts';

/** The eight lessons in course order, with the title each page and sidebar entry shows. */
const LESSONS = [
  ['understanding-span-relationships', 'Understanding span relationships'],
  ['parent-child', 'Parent and child'],
  ['span-links', 'Span links'],
  ['when-to-use-each', 'When to use each'],
  ['implementation-patterns', 'Implementation patterns'],
  ['real-world-scenarios', 'Real-world scenarios'],
  ['visualization-and-analysis', 'Visualization and analysis'],
  ['best-practices', 'Best practices'],
] as const;

const path = (slug: string): string => `/lessons/${slug}/`;

for (const [slug, title] of LESSONS) {
  test(`${slug}: renders, is current in the sidebar, and ends with its quiz`, async ({ page }) => {
    await page.goto(path(slug));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await expect(sidebar.getByRole('link', { name: title, exact: true })).toHaveAttribute('aria-current', 'page');
    // The quiz that closes the lesson titles itself "Check yourself: …".
    await expect(page.getByRole('heading', { level: 2, name: /^Check yourself/ })).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} theme`, () => {
      test.use({ colorScheme });
      test(`${slug}: axe finds no serious or critical violation`, async ({ page }) => {
        await page.goto(path(slug));
        const violations = await seriousViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    });
  }
}

test('the sidebar lists the eight lessons in course order', async ({ page }) => {
  await page.goto(path(LESSONS[0][0]));
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  const hrefs = await sidebar
    .locator('a[href^="/lessons/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs).toEqual(LESSONS.map(([slug]) => path(slug)));
});

test('next leads through all eight lessons in order, then to the course quiz', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start the first lesson' }).click();
  for (const [slug, title] of LESSONS) {
    await expect(page).toHaveURL(path(slug));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    if (slug === 'best-practices') break;
    await page.locator('a[rel="next"]').click();
  }
  await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', '/quiz/');
});

test('previous leads back through the eight lessons to the home page', async ({ page }) => {
  const reversed = [...LESSONS].reverse();
  for (const [index, [slug]] of reversed.entries()) {
    await page.goto(path(slug));
    const previous = reversed[index + 1];
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', previous ? path(previous[0]) : '/');
  }
});

test('best practices has a section for every lint rule the playground links to', async ({ page }) => {
  await page.goto(path('best-practices'));
  for (const rule of RULE_IDS) {
    const section = page.locator(`[id="${rule}"]`);
    await expect(section, rule).toHaveCount(1);
    await expect(section, rule).toHaveText(rule);
    // The paragraph after the heading explains the rule, starting with its severity.
    const explanation = page.locator(`h3[id="${rule}"]`).locator('xpath=following::p[1]');
    await expect(explanation, rule).toHaveText(/^(Error|Warning|Info)\. /);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} screenshots`, () => {
    test.use({ colorScheme });
    for (const slug of ['span-links', 'best-practices']) {
      test(`the ${slug} lesson`, async ({ page }) => {
        await page.goto(path(slug));
        await saveScreenshot(page, `lesson-${slug}-${colorScheme}`);
      });
    }
  });
}

import { describeViolations, expect, seriousViolations, test } from './fixtures.ts';

// Every lesson is scanned in course/lessons.spec.ts, the playground and the course parts in their own specs.
const PAGES = { home: '/' } as const;

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const [name, path] of Object.entries(PAGES)) {
      test(`axe finds no serious or critical violation on the ${name} page`, async ({ page }) => {
        await page.goto(path);
        const violations = await seriousViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  });
}

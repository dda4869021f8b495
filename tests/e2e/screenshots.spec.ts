import { saveScreenshot, test } from './fixtures.ts';

// Not assertions: pictures of each page to look at, in test-results/screenshots/.
const PAGES = { home: '/', lesson: '/lessons/understanding-span-relationships/' } as const;

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} screenshots`, () => {
    test.use({ colorScheme });
    for (const [name, path] of Object.entries(PAGES)) {
      test(`the ${name} page`, async ({ page }) => {
        await page.goto(path);
        await saveScreenshot(page, `${name}-${colorScheme}`);
      });
    }
  });
}

test.describe('narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const [name, path] of Object.entries(PAGES)) {
    test(`the ${name} page`, async ({ page }) => {
      await page.goto(path);
      await saveScreenshot(page, `${name}-narrow`);
    });
  }
});

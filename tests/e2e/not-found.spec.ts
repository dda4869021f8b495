import { expect, test } from './fixtures.ts';

test('an unknown address shows a page that leads back into the course', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start the first lesson' })).toHaveAttribute(
    'href',
    '/lessons/understanding-span-relationships/',
  );
});

test('a section address without its page leads to the section', async ({ page }) => {
  await page.goto('/reference/');
  await expect(page).toHaveURL(/\/reference\/lint-rules\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/lessons/');
  await expect(page).toHaveURL(/\/course\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

import { expect, test } from './fixtures.ts';

const LESSON = '/lessons/understanding-span-relationships/';

test('the home page says what Span Lab is', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Span Lab/);
  await expect(page.getByRole('heading', { level: 1, name: 'Span Lab' })).toBeVisible();
  await expect(page.getByText('real OpenTelemetry SDK').first()).toBeVisible();
});

test('the home page leads to the first lesson', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('link', { name: 'Start the first lesson' });
  await expect(start).toHaveAttribute('href', LESSON);
  await start.click();
  await expect(page).toHaveURL(LESSON);
  await expect(page.getByRole('heading', { level: 1, name: 'Understanding span relationships' })).toBeVisible();
});

test('the home page leads to the playground', async ({ page }) => {
  await page.goto('/');
  // The playground page is built separately; here only the way to it is checked.
  await expect(page.getByRole('link', { name: 'Open the playground' })).toHaveAttribute('href', '/playground/');
});

test('the home page leads to the course overview and the quiz', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Course overview', exact: true })).toHaveAttribute('href', '/course/');
  await expect(page.getByRole('link', { name: 'course overview', exact: true })).toHaveAttribute('href', '/course/');
  await expect(page.getByRole('link', { name: 'course quiz', exact: true })).toHaveAttribute('href', '/quiz/');
});

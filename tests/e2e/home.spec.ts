import { expect, test } from './fixtures.ts';

const LESSON = '/lessons/understanding-span-relationships/';

test('the home page says what Span Lab is, and leads to the playground, the course overview, the quiz and the first lesson', async ({
  page,
}) => {
  await page.goto('/');

  await test.step('it says what Span Lab is', async () => {
    await expect(page).toHaveTitle(/Span Lab/);
    await expect(page.getByRole('heading', { level: 1, name: 'Span Lab' })).toBeVisible();
    await expect(page.getByText('real OpenTelemetry SDK').first()).toBeVisible();
  });

  await test.step('it leads to the playground', async () => {
    // The playground page is tested on its own; here only the way to it is checked.
    await expect(page.getByRole('link', { name: 'Open the playground' })).toHaveAttribute('href', '/playground/');
  });

  await test.step('it leads to the course overview and the quiz', async () => {
    await expect(page.getByRole('link', { name: 'Course overview', exact: true })).toHaveAttribute('href', '/course/');
    await expect(page.getByRole('link', { name: 'course overview', exact: true })).toHaveAttribute('href', '/course/');
    await expect(page.getByRole('link', { name: 'course quiz', exact: true })).toHaveAttribute('href', '/quiz/');
  });

  await test.step('it leads to the first lesson', async () => {
    const start = page.getByRole('link', { name: 'Start the first lesson' });
    await expect(start).toHaveAttribute('href', LESSON);
    await start.click();
    await expect(page).toHaveURL(LESSON);
    await expect(page.getByRole('heading', { level: 1, name: 'Understanding span relationships' })).toBeVisible();
  });
});

import { expect, test } from './fixtures.ts';

const LESSON = '/lessons/understanding-span-relationships/';

test.beforeEach(async ({ page }) => {
  await page.goto(LESSON);
});

test('the lesson sits in the sidebar beside the playground', async ({ page }) => {
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByText('Lessons', { exact: true })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'Understanding span relationships' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(sidebar.getByRole('link', { name: 'Playground' })).toHaveAttribute('href', '/playground/');
});

test('the lesson has a table of contents', async ({ page }) => {
  const toc = page.getByRole('navigation', { name: 'On this page' }).last();
  await expect(toc.getByRole('link', { name: 'The question that chooses' })).toBeVisible();
});

test('the lesson links to the previous and next pages', async ({ page }) => {
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', '/');
  await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', '/lessons/parent-child/');
});

test('search finds the lesson', async ({ page }) => {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('sampler');
  await expect(dialog.getByRole('link', { name: /Understanding span relationships/ }).first()).toBeVisible();
});

test('the theme toggle switches between light and dark', async ({ page }) => {
  const theme = page.getByRole('banner').getByLabel('Select theme');
  await theme.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

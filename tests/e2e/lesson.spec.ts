import { expect, test } from './fixtures.ts';

const LESSON = '/lessons/understanding-span-relationships/';

// One page, read in steps: each step only reads or toggles what the next does not depend on.
test('a lesson page: sidebar, table of contents, previous and next, search, theme toggle', async ({ page }) => {
  await page.goto(LESSON);

  await test.step('the lesson sits in the sidebar beside the playground', async () => {
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await expect(sidebar.getByText('Lessons', { exact: true })).toBeVisible();
    await expect(sidebar.getByRole('link', { name: 'Understanding span relationships' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(sidebar.getByRole('link', { name: 'Playground' })).toHaveAttribute('href', '/playground/');
  });

  await test.step('the lesson has a table of contents', async () => {
    const toc = page.getByRole('navigation', { name: 'On this page' }).last();
    await expect(toc.getByRole('link', { name: 'The question that chooses' })).toBeVisible();
  });

  await test.step('the lesson links to the previous and next pages', async () => {
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', '/');
    await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', '/lessons/parent-child/');
  });

  await test.step('the theme toggle switches between light and dark', async () => {
    const theme = page.getByRole('banner').getByLabel('Select theme');
    await theme.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await theme.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  await test.step('search finds the lesson', async () => {
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).fill('sampler');
    await expect(dialog.getByRole('link', { name: /Understanding span relationships/ }).first()).toBeVisible();
  });
});

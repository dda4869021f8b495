import { expect, type Page } from '@playwright/test';

/** Light or dark, as the system setting says. */
export type ColorScheme = 'light' | 'dark';

/**
 * Switches the system's colour scheme under a loaded page, as a reader's OS would at dusk, and waits
 * until the page has followed: Starlight's `data-theme`, then every trace view's diagram redrawn in
 * the new colours. A test that checks a page in both themes loads and runs it once, not twice.
 */
export async function switchColorScheme(page: Page, colorScheme: ColorScheme): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
  // (Views not yet defined — a lesson loads them with its first Run — have nothing drawn to redo.)
  await page.locator('trace-views').evaluateAll(async (views) => {
    for (const view of views) {
      const drawn = (view as HTMLElement & { whenDrawn?: () => Promise<void> }).whenDrawn;
      if (typeof drawn === 'function') await drawn.call(view);
    }
  });
}

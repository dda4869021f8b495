import type { Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** Where screenshots go: `test-results/screenshots/` at the repository root. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Options of {@link saveScreenshot}. */
export interface ScreenshotOptions {
  /** The whole scrollable page (the default) or only the viewport. */
  fullPage?: boolean;
}

/** Saves a PNG of the page as `test-results/screenshots/<name>.png` (kebab-case name); returns its path. */
export async function saveScreenshot(page: Page, name: string, options: ScreenshotOptions = {}): Promise<string> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new Error(`Screenshot names are kebab-case: got "${name}"`);
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' });
  return path;
}

/** Saves a PNG of one element (cheaper than the whole page) as `test-results/screenshots/<name>.png`; returns its path. */
export async function saveElementScreenshot(element: Locator, name: string): Promise<string> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new Error(`Screenshot names are kebab-case: got "${name}"`);
  const path = `${SCREENSHOT_DIR}${name}.png`;
  // The page's sticky header would cover the top of a tall element scrolled into view.
  await element.screenshot({
    path,
    animations: 'disabled',
    caret: 'hide',
    style: 'header.header { visibility: hidden; }',
  });
  return path;
}

/** Finds the Chromium the browser tests and the bench drive; the suite never downloads one. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

/** Names a system Chromium or Chrome goes by on the PATH, in the order they are tried. */
const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** The one line a developer reads when no browser is found. */
export const NO_BROWSER_HINT =
  'No Chromium found: install one (Debian: `apt-get install chromium`) or set SPANLAB_CHROMIUM=/path/to/chrome.';

/** Where a browser was found, and how. */
export interface FoundBrowser {
  /** The executable to launch. */
  path: string;
  /** How it was found: the environment variable, the PATH, or Playwright's own download. */
  source: 'SPANLAB_CHROMIUM' | 'PATH' | 'playwright';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` that is an executable file in one of the `PATH` folders. */
function onPath(names: readonly string[], pathVariable: string): string | undefined {
  const folders = pathVariable.split(delimiter).filter((folder) => folder !== '');
  for (const name of names) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Playwright's own installed Chromium, if a developer has one (`npx playwright install` elsewhere). */
function playwrightsOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a browser, in order: `SPANLAB_CHROMIUM`, a system Chromium or Chrome on the PATH,
 * Playwright's own installed browser. Throws {@link NO_BROWSER_HINT} when there is none, and a
 * clear error when `SPANLAB_CHROMIUM` names something that cannot be run.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  playwrightBrowser: () => string | undefined = playwrightsOwn,
): FoundBrowser {
  const chosen = env['SPANLAB_CHROMIUM'];
  if (chosen !== undefined && chosen !== '') {
    if (!isExecutable(chosen)) throw new Error(`SPANLAB_CHROMIUM=${chosen} is not an executable file.`);
    return { path: chosen, source: 'SPANLAB_CHROMIUM' };
  }
  const system = onPath(SYSTEM_BROWSERS, env['PATH'] ?? '');
  if (system) return { path: system, source: 'PATH' };
  const own = playwrightBrowser();
  if (own) return { path: own, source: 'playwright' };
  throw new Error(NO_BROWSER_HINT);
}

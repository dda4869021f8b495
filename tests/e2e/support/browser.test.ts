import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, NO_BROWSER_HINT } from './browser.ts';

const folder = mkdtempSync(join(tmpdir(), 'spanlab-browser-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An executable file at `folder/name`. */
function executable(name: string): string {
  const path = join(folder, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

const none = (): undefined => undefined;

describe('findChromium', () => {
  it('takes SPANLAB_CHROMIUM first, wherever it points', () => {
    const custom = executable('my-chrome');
    executable('chromium');
    expect(findChromium({ SPANLAB_CHROMIUM: custom, PATH: folder }, none)).toEqual({
      path: custom,
      source: 'SPANLAB_CHROMIUM',
    });
  });

  it('refuses a SPANLAB_CHROMIUM that cannot be run, naming it', () => {
    const missing = join(folder, 'nowhere', 'chrome');
    expect(() => findChromium({ SPANLAB_CHROMIUM: missing, PATH: folder }, none)).toThrow(
      `SPANLAB_CHROMIUM=${missing} is not an executable file.`,
    );
  });

  it('finds a Chromium or Chrome on the PATH, at any path', () => {
    const other = mkdtempSync(join(folder, 'bin-'));
    const chrome = join(other, 'google-chrome');
    writeFileSync(chrome, '#!/bin/sh\n');
    chmodSync(chrome, 0o755);
    expect(findChromium({ PATH: `/nonexistent:${other}` }, none)).toEqual({ path: chrome, source: 'PATH' });
  });

  it("falls back to Playwright's own browser, then says in one line how to get one", () => {
    const own = executable('playwright-chromium');
    expect(findChromium({ PATH: '/nonexistent' }, () => own)).toEqual({ path: own, source: 'playwright' });
    expect(() => findChromium({ PATH: '/nonexistent' }, none)).toThrow(NO_BROWSER_HINT);
    expect(NO_BROWSER_HINT).not.toContain('\n');
  });
});

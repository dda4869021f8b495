import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Frame, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's browser bundle, read once; evaluated through the DevTools protocol, so a page's CSP cannot block it. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts a scan fails on. */
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

/** One serious or critical axe violation, flattened for a readable test failure. */
export interface AxeViolation {
  /** The axe rule id, e.g. `color-contrast`. */
  id: string;
  /** `serious` or `critical`. */
  impact: ImpactValue;
  /** What the rule wants, in a sentence. */
  help: string;
  /** The URL of the frame the violation is in. */
  frame: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

/** What a scan may leave out. */
export interface AxeScanOptions {
  /** Rule ids to skip; say why beside each use. */
  disableRules?: readonly string[];
  /**
   * A CSS selector: scan only what it selects, in the page's own frame. For a second scan after
   * one part of a page changed, when the rest was scanned already (a long page takes seconds).
   */
  within?: string;
}

/** Runs axe in one frame (axe itself does not cross into frames, so opaque-origin sandboxes work too). */
async function scanFrame(frame: Frame, options: AxeScanOptions): Promise<AxeViolation[]> {
  await frame.evaluate(AXE_SOURCE);
  const runOptions: RunOptions = {
    iframes: false,
    resultTypes: ['violations'],
    rules: Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }])),
  };
  const results = await frame.evaluate(
    async ([opts, within]: [RunOptions, string | null]): Promise<AxeResults> => {
      const axe = (
        globalThis as unknown as {
          axe: { run: (context: Document | { include: string[][] }, o: RunOptions) => Promise<AxeResults> };
        }
      ).axe;
      return axe.run(within === null ? document : { include: [[within]] }, opts);
    },
    [runOptions, options.within ?? null] as [RunOptions, string | null],
  );
  return results.violations
    .filter((violation) => violation.impact != null && FAILING.includes(violation.impact))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'serious',
      help: violation.help,
      frame: frame.url(),
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** Scans the page and each visible frame in it with axe-core; returns only serious and critical violations. */
export async function seriousViolations(page: Page, options: AxeScanOptions = {}): Promise<AxeViolation[]> {
  // Expressive Code makes a code block that scrolls sideways focusable from an idle callback; on a
  // busy machine axe can scan before it has run. Scan the page as a reader meets it, once it has.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.expressive-code pre')].every(
      (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
    ),
  );
  const frames: Frame[] = [page.mainFrame()];
  for (const frame of options.within === undefined ? page.frames() : []) {
    if (frame === page.mainFrame()) continue;
    const element = await frame.frameElement().catch(() => null);
    if (element && (await element.isVisible())) frames.push(frame);
  }
  const perFrame = await Promise.all(frames.map((frame) => scanFrame(frame, options)));
  return perFrame.flat();
}

/** The violations as lines for a failure message: rule, impact, what it wants, where. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    in ${v.frame}\n    at ${v.targets.join('\n    at ')}`)
    .join('\n');
}

/** A run's errors and outcome in words, and its errors as editor problems. */
import { danglingLinks, type Finding, type LimitHit, type RunError, type RunResult } from '@spanlab/engine';
import type { Problem } from '../editor/types.ts';
import type { Finding as ViewFinding } from '../trace/model/finding.ts';
import { formatCount, formatDuration, plural } from '../trace/model/format.ts';

/** What Run (or Check) says when the editor holds no code: nothing ran, so nothing is in Problems or Console. */
export const EMPTY_EDITOR = 'Not run: the editor is empty. Write a scenario, or press Reset for the original code.';

/** The run's errors and limits that have a place in the source, as editor problems. */
export function runProblems(result: RunResult): Problem[] {
  return [...result.errors, ...result.limits].flatMap((at): Problem[] =>
    at.line === undefined ? [] : [{ line: at.line, column: at.column ?? 1, message: at.message, severity: 'error' }],
  );
}

/** A limit the run hit, with where it was when the limit stopped it. */
export function describeLimit(hit: LimitHit): string {
  return `${hit.line !== undefined ? `line ${hit.line}:${hit.column ?? 1}: ` : ''}${hit.message}`;
}

/** Whether nothing ran because the code did not compile. */
export function compileFailed(result: RunResult): boolean {
  return result.errors.some((error) => error.kind === 'compile');
}

/** The first error with its line:column, and how many more there are. */
export function describeErrors(errors: readonly RunError[]): string {
  const first = errors[0];
  if (!first) return 'no errors';
  const where = first.line !== undefined ? `line ${first.line}:${first.column ?? 1}: ` : '';
  return `${where}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
}

/** A piece of a run's status line: `shown` on the page, or only heard (the views' summary under the status shows it). */
export interface StatusPart {
  text: string;
  shown: boolean;
}

/**
 * A finished run in words: how long it took, its limits hit, errors and findings, shown; its
 * counts, virtual time and what the sampler dropped, heard only, as the views' summary right under
 * the status shows them.
 */
export function runStatus(result: RunResult, ms: number, findings: number): StatusPart[] {
  const traces = new Set(result.spans.map((s) => s.traceId)).size;
  const shown = (text: string): StatusPart => ({ text, shown: true });
  const heard = (text: string): StatusPart => ({ text, shown: false });
  // Counts and times in the same words as the views' summary ("3,600 spans", "1 min").
  const parts = [
    shown(`Ran in ${String(Math.round(ms))} ms`),
    heard(
      `: ${plural(result.spans.length, 'span')} in ${plural(traces, 'trace')}, ${formatDuration(result.stats.virtualMs)} of virtual time`,
    ),
    shown('.'),
  ];
  const unsampled = result.unsampledSpans?.length ?? 0;
  if (unsampled > 0) {
    const dangling = danglingLinks(result).length;
    parts.push(
      heard(
        ` The sampler dropped ${plural(unsampled, 'span')} of ${formatCount(result.stats.spansStarted)} (not exported)${dangling > 0 ? `; ${plural(dangling, 'link')} point${dangling === 1 ? 's' : ''} at spans no backend received` : ''}.`,
      ),
    );
  }
  for (const hit of result.limits) parts.push(shown(` ${describeLimit(hit)}`));
  if (result.errors.length > 0) parts.push(shown(` Error: ${describeErrors(result.errors)}`));
  if (findings > 0) parts.push(shown(` The linter has ${plural(findings, 'finding')}: see Problems.`));
  return parts;
}

/**
 * An opened trace file in words: its name and warnings shown; its span count and format heard
 * only, as the views' summary under the status shows them.
 */
export function openedStatus(
  fileName: string,
  spans: number,
  format: string,
  warnings: readonly string[],
): StatusPart[] {
  return [
    { text: `Opened ${fileName}`, shown: true },
    { text: `: ${plural(spans, 'span')}`, shown: false },
    { text: '.', shown: true },
    { text: ` Read as ${format}.`, shown: false },
    ...warnings.map((warning) => ({ text: ` ${warning}`, shown: true })),
  ];
}

/** One line about a finished run, as heard: spans, traces, time, limits hit, errors, findings. */
export function describeRun(result: RunResult, ms: number, findings: number): string {
  return runStatus(result, ms, findings)
    .map((part) => part.text)
    .join('');
}

/** Puts a run's status in `target`: the parts only heard are there for screen readers, not the eye. */
export function showRunStatus(target: HTMLElement, parts: readonly StatusPart[]): void {
  target.replaceChildren(
    ...parts.map((part) => {
      if (part.shown) return part.text;
      const span = document.createElement('span');
      // Starlight's class for text kept from the eye and given to screen readers, on every page.
      span.className = 'sr-only';
      span.textContent = part.text;
      return span;
    }),
  );
}

/** Findings for the views: a finding links to the lesson that explains its rule (its `docs`) only once that lesson is written. */
export function linkWrittenLessons(findings: readonly Finding[], lessons: readonly string[]): ViewFinding[] {
  const written = new Set(lessons);
  return findings.map(({ docs, ...finding }) => ({
    ...finding,
    lesson: docs && written.has(docs.split('#')[0]!) ? docs : undefined,
  }));
}

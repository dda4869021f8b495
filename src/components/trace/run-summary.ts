import { formatDuration, formatCount, plural } from './model/format.ts';
import type { RunData } from './views/view-types.ts';

/** A few sentences about a run: spans, traces, virtual time, seed; spans dropped, limits, errors. */
export function runSummary(run: RunData): string {
  const { result, index } = run;
  const facts = [
    plural(index.spans.length, 'span'),
    plural(index.traces.length, 'trace'),
    `${formatDuration(result.stats.virtualMs)} of virtual time`,
    `seed ${String(result.seed)}`,
  ];
  const sentences = [`${facts.join(' · ')}.`];
  const { spansDropped, spansStarted } = result.stats;
  if (spansDropped > 0) {
    sentences.push(
      `Showing ${formatCount(index.spans.length)} of ${formatCount(spansStarted)} spans started: the span budget dropped the rest.`,
    );
  }
  if (result.limits.length > 0)
    sentences.push(`Stopped by a limit (${result.limits.map((hit) => hit.limit).join(', ')}): see Problems.`);
  else if (result.errors.length > 0) sentences.push('The run had errors: see Problems.');
  return sentences.join(' ');
}

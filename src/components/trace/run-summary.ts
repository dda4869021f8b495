import { danglingLinks } from '@spanlab/engine';
import { formatDuration, formatCount, plural } from './model/format.ts';
import type { RunData } from './views/view-types.ts';

/**
 * A few sentences about a run: spans kept, traces, virtual time, seed; when the sampler dropped
 * spans, how many were started, kept and dropped and how many links dangle; spans the budget
 * dropped, limits, errors.
 */
export function runSummary(run: RunData): string {
  const { result } = run;
  const traces = new Set(result.spans.map((span) => span.traceId)).size;
  const facts = [
    plural(result.spans.length, 'span'),
    plural(traces, 'trace'),
    `${formatDuration(result.stats.virtualMs)} of virtual time`,
    `seed ${String(result.seed)}`,
  ];
  const sentences = [`${facts.join(' · ')}.`];
  const { spansDropped, spansStarted } = result.stats;
  const unsampled = result.unsampledSpans?.length ?? 0;
  if (unsampled > 0) {
    // As the CLI's summary and the playground's status count them: targets not kept or never ended.
    // The views mark only the first kind (a span never ended is marked where it is drawn): say which is which.
    const dangling = danglingLinks(result);
    const neverEnded = dangling.filter((link) => link.reason === 'never-ended').length;
    const why =
      dangling.length === 1
        ? `its target was ${neverEnded === 1 ? 'never ended, so not exported' : 'not exported'}`
        : neverEnded === 0
          ? 'their targets were not exported'
          : `their targets were not exported: ${formatCount(dangling.length - neverEnded)} not kept, ${formatCount(neverEnded)} never ended`;
    const links =
      dangling.length === 0
        ? ''
        : `; ${plural(dangling.length, 'link')} dangle${dangling.length === 1 ? 's' : ''} (${why})`;
    sentences.push(
      `Spans: ${formatCount(spansStarted)} started, ${formatCount(result.spans.length)} kept, ${formatCount(unsampled)} dropped by the sampler (never exported)${links}.`,
    );
  }
  if (spansDropped > 0) {
    sentences.push(
      `Showing ${formatCount(result.spans.length)} of ${formatCount(spansStarted)} spans started: the span budget dropped the rest.`,
    );
  }
  if (result.limits.length > 0)
    sentences.push(`Stopped by a limit (${result.limits.map((hit) => hit.limit).join(', ')}): see Problems.`);
  else if (result.errors.length > 0) sentences.push('The run had errors: see Problems.');
  return sentences.join(' ');
}

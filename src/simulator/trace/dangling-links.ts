/** Links that point at spans no backend received: the run recorded the target, but never exported it. */
import type { SpanLinkRecord, SpanRecord } from './model.ts';
import { spanKey } from './span-key.ts';

/** Why a link's target never reached a backend. */
export type DanglingReason = 'not-sampled' | 'never-ended';

/** A link of an exported span whose target no backend received. */
export interface DanglingLink {
  /** The span that has the link (a sampled one: what a backend received). */
  from: SpanRecord;
  /** The link's place among `from.links`. */
  index: number;
  link: SpanLinkRecord;
  /** The span it points at, as the run recorded it. */
  target: SpanRecord;
  reason: DanglingReason;
}

/** A run's spans, as these functions read them: the sampled ones and those the sampler did not keep. */
export interface RunSpans {
  spans: readonly SpanRecord[];
  unsampledSpans?: readonly SpanRecord[] | undefined;
}

/** A span no backend received, and why: what a link pointing at it dangles for. */
export interface DanglingTarget {
  span: SpanRecord;
  reason: DanglingReason;
}

/**
 * The spans of a run that links of its exported spans can dangle on, by `spanKey`: those the
 * sampler did not sample (in `unsampledSpans`) and the sampled ones that never ended. Spans in
 * `spans` marked `sampled: false` (a view that shows what was not kept) count as not sampled.
 */
export function danglingTargets(result: RunSpans): Map<string, DanglingTarget> {
  const targets = new Map<string, DanglingTarget>();
  for (const span of result.unsampledSpans ?? [])
    targets.set(spanKey(span.traceId, span.spanId), { span, reason: 'not-sampled' });
  for (const span of result.spans) {
    const key = spanKey(span.traceId, span.spanId);
    if (span.sampled === false) targets.set(key, { span, reason: 'not-sampled' });
    else if (span.end === null && !targets.has(key)) targets.set(key, { span, reason: 'never-ended' });
  }
  return targets;
}

/**
 * The links of a run's exported spans that dangle in a backend: their target was not sampled
 * (it is in `unsampledSpans`) or never ended (OTLP cannot send it). A target the run never
 * recorded (another system's span, or one past the span budget) is only "not in this run".
 */
export function danglingLinks(result: RunSpans): DanglingLink[] {
  const targets = danglingTargets(result);
  const dangling: DanglingLink[] = [];
  if (targets.size === 0) return dangling;
  for (const from of result.spans) {
    if (from.sampled === false) continue;
    from.links.forEach((link, index) => {
      const target = targets.get(spanKey(link.traceId, link.spanId));
      if (target) dangling.push({ from, index, link, target: target.span, reason: target.reason });
    });
  }
  return dangling;
}

/**
 * The spans a view shows when it shows what the sampler did not keep: the run's sampled spans and
 * its `unsampledSpans` (marked `sampled: false`) together, in the order they started (sampled
 * first among spans that started at the same time). Without unsampled spans, `spans` itself.
 */
export function withNotKept(result: RunSpans): readonly SpanRecord[] {
  const unsampled = result.unsampledSpans ?? [];
  if (unsampled.length === 0) return result.spans;
  const merged: SpanRecord[] = [];
  let i = 0;
  for (const span of result.spans) {
    for (let next = unsampled[i]; next !== undefined && next.start < span.start; next = unsampled[++i])
      merged.push(next);
    merged.push(span);
  }
  merged.push(...unsampled.slice(i));
  return merged;
}

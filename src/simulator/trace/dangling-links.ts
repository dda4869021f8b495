/** Links that point at spans no backend received: the run recorded the target, but never exported it. */
import type { RunResult, SpanLinkRecord, SpanRecord } from './model.ts';
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

/**
 * The links of a run's exported spans that dangle in a backend: their target was not sampled
 * (it is in `unsampledSpans`) or never ended (OTLP cannot send it). A target the run never
 * recorded (another system's span, or one past the span budget) is only "not in this run".
 */
export function danglingLinks(result: Pick<RunResult, 'spans' | 'unsampledSpans'>): DanglingLink[] {
  const targets = new Map<string, { span: SpanRecord; reason: DanglingReason }>();
  for (const span of result.unsampledSpans ?? [])
    targets.set(spanKey(span.traceId, span.spanId), { span, reason: 'not-sampled' });
  for (const span of result.spans) {
    if (span.end === null) targets.set(spanKey(span.traceId, span.spanId), { span, reason: 'never-ended' });
  }
  const dangling: DanglingLink[] = [];
  if (targets.size === 0) return dangling;
  for (const from of result.spans) {
    from.links.forEach((link, index) => {
      const target = targets.get(spanKey(link.traceId, link.spanId));
      if (target) dangling.push({ from, index, link, target: target.span, reason: target.reason });
    });
  }
  return dangling;
}

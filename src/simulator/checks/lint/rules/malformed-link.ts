import { defineRule } from '../rule.ts';
import type { SpanLinkRecord } from '../../../trace/model.ts';
import { hasValidContext } from '../span-facts.ts';

/** A link with all-zero ids that carries attributes: the specification asks SDKs to record it. */
function meantWithoutSpan(link: SpanLinkRecord): boolean {
  return /^0{32}$/.test(link.traceId) && /^0{16}$/.test(link.spanId) && Object.keys(link.attributes).length > 0;
}

/**
 * A link without a valid span context (ids missing, malformed or all zeros). `addLink()` given
 * something typed `any` — an array from `JSON.parse`, a context never extracted — type-checks; the
 * JavaScript SDK stores an empty link, whose export later fails, and the run records it with all-zero
 * ids: it leads nowhere. A link with all-zero ids and attributes is left alone: the specification
 * says SDKs SHOULD record one "as long as either the attribute set or `TraceState` is non-empty".
 */
export const malformedLink = defineRule({
  id: 'malformed-link',
  severity: 'error',
  summary: 'a link without a valid span context: it leads nowhere',
  check(index) {
    return index.spans.flatMap((span) => {
      const bad = span.links.filter((link) => !hasValidContext(link) && !meantWithoutSpan(link));
      if (bad.length === 0) return [];
      const which =
        bad.length === span.links.length
          ? bad.length === 1
            ? 'its link'
            : `all ${bad.length} of its links`
          : `${bad.length} of its ${span.links.length} links`;
      return [
        {
          message: `${index.distinctLabel(span)} has ${which} without a valid span context, so ${bad.length === 1 ? 'it leads' : 'they lead'} nowhere: give addLink() an object { context, attributes } whose context is a SpanContext (not an array from JSON.parse, not a context never extracted)`,
          spans: [span],
        },
      ];
    });
  },
});

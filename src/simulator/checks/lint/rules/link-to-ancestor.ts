import { defineRule, type RuleHit } from '../rule.ts';
import { isProducer } from '../span-facts.ts';

/**
 * A link to the span itself or to one of its ancestors: the parent chain already relates them.
 * Not flagged: a consumer's link to its parent producer — the messaging conventions ask a
 * consumer to link to each message's creation context even when that is also its parent.
 */
export const linkToAncestor = defineRule({
  id: 'link-to-ancestor',
  severity: 'warning',
  summary: 'a link to the span itself or to its own ancestor, which the parent chain already says',
  check(index) {
    const hits: RuleHit[] = [];
    for (const span of index.spans) {
      if (span.links.length === 0) continue;
      const ancestors = index.ancestors(span);
      for (const link of span.links) {
        if (link.traceId !== span.traceId) continue;
        if (link.spanId === span.spanId) {
          hits.push({ message: `${index.distinctLabel(span)} links to itself: drop the link`, spans: [span] });
          continue;
        }
        const isParent = link.spanId === span.parentSpanId;
        const target = index.linkTarget(link);
        if (isParent && span.kind === 'consumer' && (target === undefined || isProducer(target))) continue;
        if (!isParent && !(target && ancestors.includes(target))) continue;
        const who = target ? index.label(target) : `span ${link.spanId.slice(0, 8)}…`;
        const relation = isParent ? 'its own parent' : 'its own ancestor';
        hits.push({
          message: `${index.distinctLabel(span)} links to ${relation} ${who}: the parent chain already relates them — drop the link`,
          spans: target ? [span, target] : [span],
        });
      }
    }
    return hits;
  },
});

import type { Attributes, SpanLinkRecord, SpanRecord } from '../../../trace/model.ts';
import { defineRule, type RuleHit } from '../rule.ts';
import { spanKey } from '../../../trace/span-key.ts';

/**
 * A span that links to the same span more than once with the same attributes. Links to one span
 * whose attributes differ are not flagged: the messaging conventions give each message its own
 * link, and several messages may share one creation context (a batch sent in one call without
 * "Create" spans, each link with its own `messaging.message.id`; a message delivered twice, each
 * copy's link with its delivery count).
 */
export const duplicateLink = defineRule({
  id: 'duplicate-link',
  severity: 'warning',
  summary: 'the same span linked more than once from one span, with the same attributes',
  check(index) {
    const hits: RuleHit[] = [];
    for (const span of index.spans) {
      const seen = new Map<string, { link: SpanLinkRecord; times: number }>();
      for (const link of span.links) {
        const key = `${spanKey(link.traceId, link.spanId)}/${attributesKey(link.attributes)}`;
        const entry = seen.get(key);
        if (entry) entry.times += 1;
        else seen.set(key, { link, times: 1 });
      }
      for (const { link, times } of seen.values()) {
        if (times < 2) continue;
        const target: SpanRecord | undefined = index.linkTarget(link);
        const to = target
          ? index.label(target, true)
          : `span ${link.spanId.slice(0, 8)}… in ${index.traceLabel(link.traceId)}`;
        hits.push({
          message: `${index.distinctLabel(span)} links to ${to} ${times} times with the same attributes: the copies say nothing more — keep one link, or put what tells them apart (each message's \`messaging.message.id\`, a redelivered copy's delivery count) in each link's attributes`,
          spans: target ? [span, target] : [span],
        });
      }
    }
    return hits;
  },
});

// The same attributes in any order give the same key.
function attributesKey(attributes: Attributes): string {
  return JSON.stringify(
    Object.keys(attributes)
      .sort()
      .map((key) => [key, attributes[key]]),
  );
}

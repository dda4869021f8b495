import type { SpanRecord } from '../../../trace/model.ts';
import { lessonFor, type LintRule, type RuleHit } from '../rule.ts';

/** A span that links to the same span more than once. */
export const duplicateLink: LintRule = {
  id: 'duplicate-link',
  severity: 'warning',
  summary: 'the same span linked more than once from one span',
  lesson: lessonFor('duplicate-link'),
  check(index) {
    const hits: RuleHit[] = [];
    for (const span of index.spans) {
      const seen = new Map<string, number>();
      for (const link of span.links)
        seen.set(`${link.traceId}/${link.spanId}`, (seen.get(`${link.traceId}/${link.spanId}`) ?? 0) + 1);
      for (const [key, times] of seen) {
        if (times < 2) continue;
        const link = span.links.find((l) => `${l.traceId}/${l.spanId}` === key)!;
        const target: SpanRecord | undefined = index.linkTarget(link);
        const to = target
          ? index.label(target, true)
          : `span ${link.spanId.slice(0, 8)}… in ${index.traceLabel(link.traceId)}`;
        hits.push({
          message: `${index.distinctLabel(span)} links to ${to} ${times} times: one link says it all — put what differs in one link's attributes`,
          spans: target ? [span, target] : [span],
        });
      }
    }
    return hits;
  },
};

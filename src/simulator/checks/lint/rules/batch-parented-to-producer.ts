import type { SpanRecord } from '../../../trace/model.ts';
import { defineRule, type RuleHit } from '../rule.ts';
import { isProducer, messagesHandled } from '../span-facts.ts';

/**
 * A span that consumes several messages (or fans in several origins) but is the child of one
 * producer: that producer's trace now holds work that belongs to all of them, and the others
 * lose track of it. Seen two ways: the span handles 2+ messages and its parent is a producer;
 * or it links to other spans named and kinded like its parent, in other traces.
 */
export const batchParentedToProducer = defineRule({
  id: 'batch-parented-to-producer',
  severity: 'error',
  summary: 'a batch or fan-in span made the child of one of its several producers',
  check(index) {
    const hits: RuleHit[] = [];
    for (const span of index.spans) {
      const parent = index.parent(span);
      if (!parent || span.kind === 'producer') continue;
      const peers = span.links
        .map((link) => index.linkTarget(link))
        .filter(
          (t): t is SpanRecord =>
            t !== undefined && t.traceId !== parent.traceId && t.name === parent.name && t.kind === parent.kind,
        );
      const messages = messagesHandled(index, span);
      if (peers.length > 0) {
        hits.push({
          message: `${index.label(span)} is a child of ${index.label(parent, true)} and links to ${peers.length} other ${index.label(parent)} span${peers.length === 1 ? '' : 's'}: one of several origins was made its parent — start it as a root and link to every origin`,
          spans: [span, parent, ...peers],
        });
      } else if (messages >= 2 && isProducer(parent)) {
        hits.push({
          message: `${index.label(span)} handles ${messages} messages but is a child of one producer, ${index.label(parent, true)}: start it as a root and link to each message's producer`,
          spans: [span, parent],
        });
      }
    }
    return hits;
  },
});

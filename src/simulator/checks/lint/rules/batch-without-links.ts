import { defineRule } from '../rule.ts';
import { messagesHandled } from '../span-facts.ts';

/** A span that handles several messages (by the messaging conventions) and links to none of them. */
export const batchWithoutLinks = defineRule({
  id: 'batch-without-links',
  severity: 'warning',
  summary: 'a span that processes several messages with no links to where they came from',
  check(index) {
    return index.spans
      .filter((span) => span.kind !== 'producer' && span.links.length === 0)
      .map((span) => ({ span, messages: messagesHandled(index, span) }))
      .filter(({ messages }) => messages >= 2)
      .map(({ span, messages }) => ({
        message: `${index.distinctLabel(span)} handles ${messages} messages but has no links: link to each message's creation context, so every producer's trace leads here`,
        spans: [span],
      }));
  },
});

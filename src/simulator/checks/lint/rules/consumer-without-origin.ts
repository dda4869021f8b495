import { defineRule } from '../rule.ts';
import { messagesHandled } from '../span-facts.ts';

/**
 * A consumer span with neither a parent nor links: nothing leads from the message's producer to it.
 * The messaging conventions (semantic-conventions v1.44.0, messaging-spans.md) say: "For each
 * message it accounts for, the "Process" or "Receive" span SHOULD link to the message's creation
 * context." Breaking a SHOULD is a warning. A consumer of several messages is `batch-without-links`'s.
 */
export const consumerWithoutOrigin = defineRule({
  id: 'consumer-without-origin',
  severity: 'warning',
  summary: "a consumer span with neither a parent nor a link to the message's producer",
  check(index) {
    return index.spans
      .filter((span) => span.kind === 'consumer' && span.parentSpanId === null && span.links.length === 0)
      .filter((span) => messagesHandled(index, span) < 2)
      .map((span) => ({
        message: `${index.distinctLabel(span)} is a consumer with neither a parent nor links: the messaging conventions say it SHOULD link to each message's creation context — extract the message's context and link to it (or, for a single message, make it the parent)`,
        spans: [span],
      }));
  },
});

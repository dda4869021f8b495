import { defineRule } from '../rule.ts';

/** The JS SDK's default limit of links per span. */
const SDK_LINK_LIMIT = 128;

/**
 * A span that lost links (`droppedLinksCount` > 0). When it kept exactly the SDK's default 128, the
 * SDK's limit dropped them (the specification lets an SDK discard links past its limit; which ones is
 * the SDK's choice, and the JavaScript SDK drops the first ones added); otherwise the cause is
 * unknown: a limit set in the SDK, or a collector on the way.
 */
export const linksDropped = defineRule({
  id: 'links-dropped',
  severity: 'error',
  summary: "links lost to a limit: the SDK's 128 links per span by default, or another limit on the way",
  check(index) {
    return index.spans
      .filter((span) => span.dropped.links > 0)
      .map((span) => {
        const total = span.links.length + span.dropped.links;
        const cause =
          span.links.length === SDK_LINK_LIMIT
            ? "to the SDK's link limit (128 by default; this SDK drops the first ones added, which the specification leaves to each SDK)"
            : `(droppedLinksCount ${span.dropped.links}: a link limit dropped them — the SDK's, set lower than 128, or a collector's on the way)`;
        return {
          message: `${index.distinctLabel(span)} lost ${span.dropped.links} of its ${total} links ${cause}: split the batch, or link only what matters`,
          spans: [span],
        };
      });
  },
});

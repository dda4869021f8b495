import { lessonFor, type LintRule } from '../rule.ts';

/** A span that lost links to the SDK's span limits (128 links by default; the JavaScript SDK drops the oldest). */
export const linksDropped: LintRule = {
  id: 'links-dropped',
  severity: 'error',
  summary: "links lost to the SDK's link limit (128 per span by default)",
  lesson: lessonFor('links-dropped'),
  check(index) {
    return index.spans
      .filter((span) => span.dropped.links > 0)
      .map((span) => ({
        message: `${index.distinctLabel(span)} lost ${span.dropped.links} of its ${span.links.length + span.dropped.links} links to the SDK's link limit (128 by default; this SDK drops the first ones added, which the specification leaves to each SDK): split the batch, or link only what matters`,
        spans: [span],
      }));
  },
};

import { lessonFor, type LintRule } from '../rule.ts';

/** A span that lost links to the SDK's span limits (128 links by default; the oldest go first). */
export const linksDropped: LintRule = {
  id: 'links-dropped',
  severity: 'error',
  summary: "links lost to the SDK's limit of 128 links per span",
  lesson: lessonFor('links-dropped'),
  check(index) {
    return index.spans
      .filter((span) => span.dropped.links > 0)
      .map((span) => ({
        message: `${index.distinctLabel(span)} lost ${span.dropped.links} of its ${span.links.length + span.dropped.links} links to the SDK's link limit (128 by default; the first ones added were dropped): split the batch, or link only what matters`,
        spans: [span],
      }));
  },
};

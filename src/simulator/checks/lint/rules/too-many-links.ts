import { defineRule } from '../rule.ts';

/** Links past which no trace view stays readable; a reader follows a handful, not hundreds. */
export const MEANINGFUL_LINKS = 32;

/** A span with more links than a reader can follow. */
export const tooManyLinks = defineRule({
  id: 'too-many-links',
  severity: 'info',
  summary: `a span with more than ${MEANINGFUL_LINKS} links, more than anyone can follow`,
  check(index) {
    return index.spans
      .filter((span) => span.links.length + span.dropped.links > MEANINGFUL_LINKS)
      .map((span) => ({
        message: `${index.distinctLabel(span)} has ${span.links.length + span.dropped.links} links: past ${MEANINGFUL_LINKS} no trace view stays readable — link to what a reader will follow, or split the work into smaller batches`,
        spans: [span],
      }));
  },
});

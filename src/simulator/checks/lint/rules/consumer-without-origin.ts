import { lessonFor, type LintRule } from '../rule.ts';

/** A consumer span with neither a parent nor links: nothing leads from the message's producer to it. */
export const consumerWithoutOrigin: LintRule = {
  id: 'consumer-without-origin',
  severity: 'info',
  summary: "a consumer span with neither a parent nor a link to the message's producer",
  lesson: lessonFor('consumer-without-origin'),
  check(index) {
    return index.spans
      .filter((span) => span.kind === 'consumer' && span.parentSpanId === null && span.links.length === 0)
      .map((span) => ({
        message: `${index.distinctLabel(span)} is a consumer with neither a parent nor links: extract the message's context and link to it (or make it the parent)`,
        spans: [span],
      }));
  },
};

import { defineRule } from '../rule.ts';

/** A span that was started and never ended: no exporter ever sends it. */
export const spanNotEnded = defineRule({
  id: 'span-not-ended',
  severity: 'error',
  summary: 'a span never ended, so no exporter ever sends it',
  check(index) {
    return index.spans
      .filter((span) => span.end === null)
      .map((span) => {
        const children = index.children(span).length;
        const orphans =
          children > 0
            ? `, and its ${children} child${children === 1 ? '' : 'ren'} would point to a parent no backend has`
            : '';
        return {
          message: `${index.distinctLabel(span)} was never ended: it is never exported${orphans} — end it on every path (try/finally)`,
          spans: [span],
        };
      });
  },
});

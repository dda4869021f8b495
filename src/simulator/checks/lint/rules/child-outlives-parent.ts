import { lessonFor, type LintRule } from '../rule.ts';

/**
 * A child that ends after its parent within one service, where the two are not a messaging
 * hand-off (a message consumed after its producer ended is expected): the work ran on its own,
 * fire-and-forget. Spans of different services are not compared: their clocks may disagree.
 */
export const childOutlivesParent: LintRule = {
  id: 'child-outlives-parent',
  severity: 'info',
  summary: 'a child that ends after its parent in the same service, outside a messaging hand-off: fire-and-forget work',
  lesson: lessonFor('child-outlives-parent'),
  check(index) {
    return index.spans.flatMap((span) => {
      const parent = index.parent(span);
      if (!parent || span.end === null || parent.end === null || span.end <= parent.end) return [];
      if (parent.kind === 'producer' || span.kind === 'consumer' || span.service !== parent.service) return [];
      return [
        {
          message: `${index.distinctLabel(span)} ends ${span.end - parent.end} ms after its parent ${index.label(parent)}: work that outlives its caller ran on its own — wait for it, or start it in its own trace with a link`,
          spans: [span, parent],
        },
      ];
    });
  },
};

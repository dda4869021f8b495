import { formatMs } from '../../format-ms.ts';
import { defineRule } from '../rule.ts';

/**
 * How close two ends may be and still count as the same time: the JS SDK's start times are whole
 * milliseconds with exact durations, so a child that ended first can look up to 1 ms later.
 */
const GRANULARITY_MS = 1;

/**
 * A child that ends after its parent within one service, where the two are not a messaging
 * hand-off (a message consumed after its producer ended is expected): the work ran on its own,
 * fire-and-forget. Spans of different services are not compared: their clocks may disagree; ends
 * within the timestamps' granularity (1 ms) are not told apart.
 */
export const childOutlivesParent = defineRule({
  id: 'child-outlives-parent',
  severity: 'info',
  summary: 'a child that ends after its parent in the same service, outside a messaging hand-off: fire-and-forget work',
  check(index) {
    return index.spans.flatMap((span) => {
      const parent = index.parent(span);
      if (!parent || span.end === null || parent.end === null || span.end - parent.end <= GRANULARITY_MS) return [];
      if (parent.kind === 'producer' || span.kind === 'consumer' || span.service !== parent.service) return [];
      return [
        {
          message: `${index.distinctLabel(span)} ends ${formatMs(span.end - parent.end)} after its parent ${index.label(parent)}: work that outlives its caller ran on its own — wait for it, or start it in its own trace with a link`,
          spans: [span, parent],
        },
      ];
    });
  },
});

import { describe, expect, it } from 'vitest';
import { batchNotKept, makeSpan } from '../views/fixtures.ts';
import { danglingLinks, danglingTargets, withNotKept } from './dangling-links.ts';

describe('withNotKept', () => {
  it('merges the spans not kept in among the kept ones, in the order they started', () => {
    const { spans, unsampled } = batchNotKept();
    const late = {
      ...makeSpan({ traceId: 'f'.repeat(32), spanId: 'e'.repeat(16), start: 99 }),
      sampled: false as const,
    };
    const merged = withNotKept({ spans, unsampledSpans: [...unsampled, late] });
    expect(merged.map((span) => [span.start, span.sampled ?? true])).toEqual([
      [0, false],
      [5, true],
      [10, true],
      [12, true],
      [99, false],
    ]);
    expect(withNotKept({ spans })).toBe(spans);
  });
});

describe('danglingTargets and danglingLinks', () => {
  it('find the links of kept spans to spans not kept, shown among the spans or not', () => {
    const { spans, unsampled } = batchNotKept();
    expect([...danglingTargets({ spans, unsampledSpans: unsampled }).values()].map((t) => t.reason)).toEqual([
      'not-sampled',
    ]);
    const hidden = danglingLinks({ spans, unsampledSpans: unsampled });
    expect(hidden.map((d) => [d.from.name, d.link.spanId, d.reason])).toEqual([
      ['orders process', 'aaaa000000000001', 'not-sampled'],
    ]);
    // Shown among the spans, the span not kept is still a target, and holds no dangling link itself.
    const shown = danglingLinks({
      spans: withNotKept({ spans, unsampledSpans: unsampled }),
      unsampledSpans: unsampled,
    });
    expect(shown.map((d) => d.link.spanId)).toEqual(['aaaa000000000001']);
  });
});

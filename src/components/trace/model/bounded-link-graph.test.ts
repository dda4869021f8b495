import { describe, expect, it } from 'vitest';
import { makeSpan, T1, T2 } from '../test-runs.ts';
import { boundedLinkGraph } from './bounded-link-graph.ts';
import { lessonHref } from './lesson-href.ts';

const id = (i: number): string => i.toString(16).padStart(16, '0');

describe('the bounded link graph', () => {
  it('draws a small run whole', () => {
    const spans = [
      makeSpan({ traceId: T1, spanId: id(1) }),
      makeSpan({ traceId: T1, spanId: id(2), parentSpanId: id(1) }),
    ];
    expect(boundedLinkGraph(spans, [], 10)).toMatchObject({ shown: 2, total: 2, truncated: false, edges: 1 });
  });

  it('keeps at most maxNodes spans, with or without edges', () => {
    const chain = Array.from({ length: 1000 }, (_, i) =>
      makeSpan({ traceId: T1, spanId: id(i), parentSpanId: i === 0 ? null : id(i - 1) }),
    );
    const roots = Array.from({ length: 3000 }, (_, i) =>
      makeSpan({ traceId: i % 2 ? T1 : T2, spanId: id(i), name: `root ${String(i)}` }),
    );
    for (const spans of [chain, roots]) {
      const graph = boundedLinkGraph(spans, [], 100);
      expect(graph.truncated).toBe(true);
      expect(graph.shown).toBeLessThanOrEqual(100);
      expect(graph.shown).toBeGreaterThan(50);
      expect(graph.text).toContain(`Showing the first ${String(graph.shown)} of ${String(spans.length)} spans`);
    }
  });
});

describe('lesson links', () => {
  it('take paths and slugs, and nothing else', () => {
    expect(lessonHref('/lessons/links/')).toBe('/lessons/links/');
    expect(lessonHref('links-vs-parents')).toBe('/lessons/links-vs-parents/');
    expect(lessonHref('batching#links')).toBe('/lessons/batching/#links');
    expect(lessonHref('javascript:alert(1)')).toBeNull();
    expect(lessonHref('//evil.example/')).toBeNull();
    expect(lessonHref('https://evil.example/')).toBeNull();
  });
});

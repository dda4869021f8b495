import type { SpanRecord } from '../../../simulator/index.ts';

/** A span at its place in its trace's tree. */
export interface PlacedSpan {
  span: SpanRecord;
  /** 0 for a root, 1 for its children, and so on. */
  depth: number;
}

const byStart = (a: SpanRecord, b: SpanRecord): number => a.start - b.start;

/**
 * One trace's spans in the order the engine's diagrams draw them (and number them `s0`, `s1` …):
 * parents before children, roots and siblings by start, then input order; a span whose parent is
 * absent (or in a cycle) is a root. Mirrors the engine's tree order, which it does not export;
 * `span-order.test.ts` holds the two together through the Mermaid text.
 */
export function treeOrder(spans: readonly SpanRecord[]): PlacedSpan[] {
  const byId = new Map<string, SpanRecord>();
  for (const span of spans) if (!byId.has(span.spanId)) byId.set(span.spanId, span);
  const children = new Map<SpanRecord, SpanRecord[]>();
  const roots: SpanRecord[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId === null ? undefined : byId.get(span.parentSpanId);
    if (parent === undefined || parent === span) {
      roots.push(span);
      continue;
    }
    const siblings = children.get(parent);
    if (siblings) siblings.push(span);
    else children.set(parent, [span]);
  }
  const placed: PlacedSpan[] = [];
  const seen = new Set<SpanRecord>();
  // Iterative: a 10,000-deep chain must not overflow the stack.
  const walk = (root: SpanRecord): void => {
    const stack: PlacedSpan[] = [{ span: root, depth: 0 }];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (seen.has(next.span)) continue;
      seen.add(next.span);
      placed.push(next);
      const kids = [...(children.get(next.span) ?? [])].sort(byStart).reverse();
      for (const kid of kids) stack.push({ span: kid, depth: next.depth + 1 });
    }
  };
  for (const root of [...roots].sort(byStart)) walk(root);
  for (const span of [...spans].sort(byStart)) if (!seen.has(span)) walk(span);
  return placed;
}

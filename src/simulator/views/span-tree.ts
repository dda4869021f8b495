import type { SpanRecord } from '../trace/model.ts';

/** A span at its place in its trace's tree. */
export interface PlacedSpan {
  span: SpanRecord;
  /** 0 for a root, 1 for its children, and so on. */
  depth: number;
}

const byStart = (a: SpanRecord, b: SpanRecord): number => a.start - b.start;

/**
 * One trace's spans in tree order: every parent before its children, roots and siblings by
 * start time (then by input order). A span whose parent is not among `spans` is a root; spans
 * caught in a parent cycle (possible in an imported file) are placed as roots too, once each.
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
  // Iterative, so a 10,000-deep chain cannot overflow the stack.
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

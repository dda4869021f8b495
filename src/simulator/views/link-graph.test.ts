import { describe, expect, it } from 'vitest';
import { batchNotKept, batchWithLinks, makeSpan, smallTree } from './fixtures.ts';
import { withNotKept } from '../trace/dangling-links.ts';
import { buildLinkGraph, toLinkGraph } from './link-graph.ts';

const TRACE = 'abcdef0123456789abcdef0123456789';

describe('buildLinkGraph', () => {
  it('draws a small tree as one subgraph with parent → child edges', () => {
    expect(toLinkGraph(smallTree())).toMatchInlineSnapshot(`
      "flowchart LR
          subgraph t0 ["trace 1 · 4bf92f35…"]
              s0["frontend › GET /checkout"]
              s1["checkout › POST /orders"]
              s2["payments › charge card (error)"]
              s3["checkout › publish (never ended)"]
              s4["frontend › render"]
          end
          s0 --> s1
          s1 --> s2
          s1 --> s3
          s0 --> s4
          classDef error stroke:red,stroke-width:2px
          class s2 error
          classDef open stroke-dasharray:6 3
          class s3 open"
    `);
  });

  it('draws a batch with dotted, labelled link edges and external spans', () => {
    const graph = buildLinkGraph(batchWithLinks());
    expect(graph).toMatchObject({ truncated: false, shown: 4, total: 4, edges: 5 });
    expect(graph.text).toMatchInlineSnapshot(`
      "flowchart LR
          subgraph t0 ["trace 1 · 11111111…"]
              s0["orders › orders send"]
          end
          subgraph t1 ["trace 2 · 22222222…"]
              s1["orders › orders send"]
              x0(["external span 22222222…/ffff0000…"])
          end
          subgraph t2 ["trace 3 · 33333333…"]
              s2["billing › orders process"]
              s3["billing › charge"]
          end
          x1(["external span 44444444…/dddd0000…"])
          x0 --> s1
          s2 --> s3
          s0 -.->|"messaging.message.id=m1"| s2
          s1 -.->|"messaging.message.id=m2"| s2
          x1 -.-> s2
          classDef external stroke-dasharray:2 2
          class x0,x1 external"
    `);
  });

  it('labels a link short: its link.type, else its first attribute, cut, and how many attributes are left out', () => {
    const target = makeSpan({ traceId: TRACE, spanId: 'a' });
    const edges = (...links: Array<Record<string, string | number | boolean | string[]>>) =>
      toLinkGraph([
        target,
        makeSpan({
          traceId: TRACE,
          spanId: 'b',
          links: links.map((attributes) => ({ traceId: TRACE, spanId: 'a', attributes })),
        }),
      ])
        .split('\n')
        .filter((line) => line.includes('-.->'));
    expect(edges({ 'retry.original_attempt': 1, 'link.type': 'retry-of' }, { 'link.type': 'compensates' })).toEqual([
      '    s0 -.->|"retry-of +1 more"| s1',
      '    s0 -.->|"compensates"| s1',
    ]);
    expect(edges({ ids: ['x', 'y'], n: 1, ok: true }, { long: 'z'.repeat(100) }, {})).toEqual([
      '    s0 -.->|"ids=#91;x, y#93; +2 more"| s1',
      `    s0 -.->|"long=${'z'.repeat(42)}…"| s1`,
      '    s0 -.-> s1',
    ]);
  });

  it('keeps within maxEdges, saying how many spans it shows', () => {
    const spans = Array.from({ length: 700 }, (_, i) =>
      makeSpan({ traceId: TRACE, spanId: `s${String(i)}`, parentSpanId: i === 0 ? null : 's0', start: i }),
    );
    const graph = buildLinkGraph(spans);
    expect(graph).toMatchObject({ truncated: true, shown: 501, total: 700, edges: 500 });
    expect(graph.text.startsWith('---\ntitle: Showing the first 501 of 700 spans\n---\nflowchart LR\n')).toBe(true);
  });

  it('keeps within maxTextSize', () => {
    const spans = Array.from({ length: 400 }, (_, i) =>
      makeSpan({ traceId: TRACE, spanId: `s${String(i)}`, name: '<>'.repeat(40), start: i }),
    );
    const graph = buildLinkGraph(spans);
    expect(graph.truncated).toBe(true);
    expect(graph.text.length).toBeLessThanOrEqual(50_000);
    expect(graph.shown).toBeGreaterThan(50);
  });

  it('omits links to spans of the run that truncation left out', () => {
    const spans = [
      makeSpan({ traceId: TRACE, spanId: 'a', links: [{ traceId: TRACE, spanId: 'b', attributes: {} }] }),
      makeSpan({ traceId: TRACE, spanId: 'b', name: 'b'.repeat(80), start: 1 }),
    ];
    const graph = buildLinkGraph(spans, { maxTextSize: 150 });
    expect(graph).toMatchObject({ shown: 1, edges: 0 });
    expect(graph.text).not.toContain('external');
  });

  it('marks a link to a span not kept, and draws that span as a placeholder never exported', () => {
    const { spans, unsampled } = batchNotKept();
    expect(toLinkGraph(spans, { unsampled })).toMatchInlineSnapshot(`
      "flowchart LR
          subgraph t0 ["trace 1 · 22222222…"]
              s0["orders › orders send"]
              x0(["external span 22222222…/ffff0000…"])
          end
          subgraph t1 ["trace 2 · 33333333…"]
              s1["billing › orders process"]
              s2["billing › charge"]
          end
          x1(["orders › orders send (not kept) · trace never exported"])
          x2(["external span 44444444…/dddd0000…"])
          x0 --> s0
          s1 --> s2
          x1 -.->|"messaging.message.id=m1 · target not kept"| s1
          s0 -.->|"messaging.message.id=m2"| s1
          x2 -.-> s1
          classDef external stroke-dasharray:2 2
          class x0,x2 external
          classDef notkept stroke-dasharray:5 4
          class x1 notkept"
    `);
  });

  it('draws spans not kept greyed among the others when shown, their dangling links still marked', () => {
    const { spans, unsampled } = batchNotKept();
    const text = toLinkGraph(withNotKept({ spans, unsampledSpans: unsampled }), { unsampled });
    expect(text).toContain('s0["orders › orders send (not kept)"]');
    expect(text).toContain('s0 -.->|"messaging.message.id=m1 · target not kept"| s2');
    expect(text).toContain('class s0 notkept');
    expect(text).not.toContain('never exported');
  });

  it('keeps a hostile name of a span not kept escaped in its placeholder', () => {
    const { spans, unsampled } = batchNotKept('x"]; click s1 call alert(1) %%{init}%%');
    const placeholder = toLinkGraph(spans, { unsampled })
      .split('\n')
      .find((line) => line.includes('x1(['));
    expect(placeholder).toBe(
      '    x1(["orders › x#34;#93;#59; click s1 call alert(1) #37;#37;#123;init#125;#37;#37; (not kept) · trace never exported"])',
    );
  });
});

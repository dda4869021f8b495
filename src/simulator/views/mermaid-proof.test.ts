// @vitest-environment jsdom
// Flowchart parsing sanitises labels with DOMPurify, which needs a DOM; jsdom gives it the same
// one a browser would, so the parsed labels are the ones the site gets.
/**
 * Proof against the real Mermaid parser that no span data can change a diagram's structure:
 * for hostile names and for random ones, every chart parses, has exactly the tasks, sections,
 * nodes, edges and subgraphs we drew, no directive, config, title, click or extra statement,
 * and every label decodes back to the text we meant to show.
 */
import fc from 'fast-check';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { groupByTrace, type SpanLinkRecord, type SpanRecord } from '../trace/model.ts';
import { HOSTILE, hostileRun, makeSpan } from './fixtures.ts';
import { buildLinkGraph } from './link-graph.ts';
import { decodeParsedLabel, labelText } from './mermaid-escape.ts';
import { linkLabel, shortId, spanLabel, traceName } from './span-label.ts';
import { randomRuns } from './span-arbitraries.ts';
import { treeOrder } from './span-tree.ts';
import { treeGuides } from './tree-guides.ts';
import { buildWaterfall } from './waterfall.ts';

interface GanttTask {
  id: string;
  task: string;
  crit: boolean;
  active: boolean;
  startTime: Date;
  endTime: Date;
}
interface GanttDb {
  getTasks(): GanttTask[];
  getSections(): string[];
  getDiagramTitle(): string;
  getAccTitle(): string;
  getAccDescription(): string;
  getExcludes(): unknown[];
  getIncludes(): unknown[];
  getLinks(): Map<string, unknown>;
  getDateFormat(): string;
  getAxisFormat(): string;
  getTodayMarker(): string;
  getDisplayMode(): string;
}
interface FlowVertex {
  id: string;
  text?: string;
  link?: string;
  haveCallback?: boolean;
}
interface FlowEdge {
  start: string;
  end: string;
  text: string;
  stroke: string;
  type: string;
}
interface FlowDb {
  getVertices(): Map<string, FlowVertex>;
  getEdges(): FlowEdge[];
  getSubGraphs(): Array<{ id: string; title: string; nodes: string[] }>;
  getClasses(): Map<string, unknown>;
  getDirection(): string | undefined;
  getDiagramTitle(): string;
  getTooltip(id: string): string | undefined;
}

/** Parses with the real Mermaid, checking no directive or front matter set any config. */
async function parsed<Db>(text: string, diagramType: string): Promise<Db> {
  expect(await mermaid.parse(text)).toEqual({ diagramType, config: {} });
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return diagram.db as unknown as Db;
}

const key = (traceId: string, spanId: string): string => `${traceId}/${spanId}`;

/** The rows a run's waterfall should hold, worked out from the spans: traces in order, one clock. */
function expectedRows(spans: SpanRecord[]): { rows: object[]; sections: string[]; unit: string } {
  const origin = spans.reduce((min, span) => Math.min(min, span.start), Infinity);
  const end = spans.reduce((max, span) => Math.max(max, span.end ?? span.start), -Infinity);
  // Whole µs for a chart shorter than 10 ms, whole ms otherwise.
  const perMs = end - origin > 0 && end - origin < 10 ? 1000 : 1;
  const at = (ms: number): number => Math.round((ms - origin) * perMs);
  const rows: object[] = [];
  const sections: string[] = [];
  [...groupByTrace(spans)].forEach(([, traceSpans], index) => {
    sections.push(`trace ${String(index + 1)}`);
    const first = Math.min(...traceSpans.map((span) => span.start));
    const last = Math.max(...traceSpans.map((span) => span.end ?? span.start));
    const placed = treeOrder(traceSpans);
    const guides = treeGuides(placed);
    const row = ({ span }: { span: SpanRecord }, i: number, label: string): object => ({
      id: `t${String(index)}s${String(i)}`,
      label,
      crit: span.status.code === 'error',
      active: span.end === null,
      start: at(span.start),
      end: Math.max(at(span.start), at(span.end ?? last)),
    });
    const root = placed[0];
    if (root !== undefined && placed.length > 1 && first === last)
      rows.push(row(root, 0, `${spanLabel(root.span)} and ${String(placed.length - 1)} more, all at 0 ms`));
    else placed.forEach((entry, i) => rows.push(row(entry, i, (guides[i] ?? '') + spanLabel(entry.span))));
  });
  return { rows, sections, unit: perMs === 1 ? 'ms' : 'µs' };
}

/** Checks the run's gantt chart against the spans, as the parser read it. */
async function proveWaterfalls(spans: SpanRecord[]): Promise<void> {
  const chart = buildWaterfall(spans, { maxTextSize: 10_000_000 });
  expect(chart).toMatchObject({ truncated: false, shown: spans.length, total: spans.length });
  {
    const db = await parsed<GanttDb>(chart.text, 'gantt');
    const tasks = db.getTasks().map((task) => ({
      id: task.id,
      label: decodeParsedLabel(task.task),
      crit: Boolean(task.crit),
      active: Boolean(task.active),
      start: task.startTime.getTime(),
      end: task.endTime.getTime(),
    }));
    const expected = expectedRows(spans);
    expect(tasks).toEqual(expected.rows);
    expect(db.getSections().map(decodeParsedLabel)).toEqual(expected.sections);
    expect({
      title: db.getDiagramTitle(),
      accTitle: db.getAccTitle(),
      accDescription: db.getAccDescription(),
      excludes: db.getExcludes(),
      includes: db.getIncludes(),
      clicks: db.getLinks().size,
      dateFormat: db.getDateFormat(),
      axisFormat: db.getAxisFormat(),
      todayMarker: db.getTodayMarker(),
      displayMode: db.getDisplayMode(),
    }).toEqual({
      title: '',
      accTitle: '',
      accDescription: '',
      excludes: [],
      includes: [],
      clicks: 0,
      dateFormat: 'x',
      axisFormat: `%Q ${expected.unit}`,
      todayMarker: 'off',
      displayMode: '',
    });
  }
}

/** Checks the link graph against the spans, as the parser read it. */
async function proveLinkGraph(spans: SpanRecord[]): Promise<void> {
  const graph = buildLinkGraph(spans);
  expect(graph).toMatchObject({ truncated: false, shown: spans.length, total: spans.length });
  const db = await parsed<FlowDb>(graph.text, 'flowchart-v2');

  // What we mean to draw, worked out here independently of link-graph.ts.
  const traces = [...groupByTrace(spans)];
  const ordered = traces.flatMap(([, traceSpans]) => treeOrder(traceSpans).map(({ span }) => span));
  const idOf = new Map(ordered.map((span, i) => [span, `s${String(i)}`]));
  const inRun = new Map(ordered.map((span) => [key(span.traceId, span.spanId), span]));
  const missing = new Set<string>();
  const edges: Array<{ from: string; to: SpanRecord; link?: SpanLinkRecord }> = [];
  for (const span of ordered) {
    if (span.parentSpanId !== null && span.parentSpanId !== span.spanId) {
      edges.push({ from: key(span.traceId, span.parentSpanId), to: span });
    }
  }
  for (const span of ordered)
    for (const link of span.links) edges.push({ from: key(link.traceId, link.spanId), to: span, link });
  // Spans outside the run are numbered x0, x1 … in the order edges first reach them.
  for (const { from } of edges) if (!inRun.has(from)) missing.add(from);
  const externalIds = new Map([...missing].map((ref, i) => [ref, `x${String(i)}`]));

  const vertices = [...db.getVertices().values()];
  expect(vertices.map((vertex) => vertex.id).sort()).toEqual(
    [...ordered.map((_, i) => `s${String(i)}`), ...externalIds.values()].sort(),
  );
  for (const [i, span] of ordered.entries()) {
    expect(decodeParsedLabel(db.getVertices().get(`s${String(i)}`)?.text ?? '')).toBe(spanLabel(span));
  }
  for (const [ref, id] of externalIds) {
    const [traceId = '', spanId = ''] = ref.split('/');
    expect(decodeParsedLabel(db.getVertices().get(id)?.text ?? '')).toBe(
      `external span ${shortId(traceId)}/${shortId(spanId)}`,
    );
  }
  for (const vertex of vertices) {
    expect(vertex.link).toBeUndefined();
    expect(vertex.haveCallback).toBeFalsy();
    expect(db.getTooltip(vertex.id)).toBeUndefined();
  }

  const parsedEdges = db.getEdges();
  expect(parsedEdges).toHaveLength(edges.length);
  const nodeFor = (ref: string): string | undefined => {
    const span = inRun.get(ref);
    return span === undefined ? externalIds.get(ref) : idOf.get(span);
  };
  expect(
    parsedEdges.map((edge) => ({
      start: edge.start,
      end: edge.end,
      stroke: edge.stroke,
      type: edge.type,
      text: decodeParsedLabel(edge.text),
    })),
  ).toEqual(
    edges.map(({ from, to, link }) => ({
      start: nodeFor(from),
      end: idOf.get(to),
      stroke: link === undefined ? 'normal' : 'dotted',
      type: 'arrow_point',
      text: link === undefined ? '' : linkLabel(link),
    })),
  );

  const subgraphs = db.getSubGraphs();
  expect(subgraphs.map((subgraph) => decodeParsedLabel(subgraph.title)).sort()).toEqual(
    traces.map(([traceId], traceIndex) => traceName(traceIndex + 1, traceId)).sort(),
  );
  for (const [traceIndex, [, traceSpans]] of traces.entries()) {
    const members = subgraphs.find((subgraph) => subgraph.id === `t${String(traceIndex)}`)?.nodes ?? [];
    for (const span of traceSpans) expect(members).toContain(idOf.get(span));
  }
  expect([...db.getClasses().keys()].every((name) => ['error', 'open', 'external'].includes(name))).toBe(true);
  expect(db.getDirection()).toBe('LR');
  expect(db.getDiagramTitle()).toBe('');
}

describe('hostile names, parsed by the real Mermaid', () => {
  it('leave the waterfall with exactly one task per span and nothing else', async () => {
    await proveWaterfalls(hostileRun());
  });

  it('leave the link graph with exactly the nodes, edges and subgraphs drawn', async () => {
    await proveLinkGraph(hostileRun());
  });

  it('render literally wherever a literal rendering exists', () => {
    const changed = new Map([
      ['tab\there', 'tab␉here'],
      ['line\nbreak', 'line␊break'],
      ['carriage\rreturn', 'carriage␍return'],
      ['nul\u0000 bell\u0007 del\u007f c1\u0085', 'nul␀ bell␇ del␡ c1\uFFFD'],
      ['---\nconfig:\n  theme: dark\n---', '---␊config:␊  theme: dark␊---'],
      ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
      ['ﬂ°°35¶ß ﬂ°lt¶ß', 'fl°°35¶\u2060ß fl°lt¶\u2060ß'],
      ['', '(unnamed)'],
      ['   ', '(unnamed)'],
      ['x'.repeat(500), `${'x'.repeat(79)}…`],
    ]);
    for (const name of HOSTILE) expect(labelText(name)).toBe(changed.get(name) ?? name);
  });
});

describe('random names, parsed by the real Mermaid', () => {
  it('never change the waterfall', async () => {
    await fc.assert(fc.asyncProperty(randomRuns, proveWaterfalls), { numRuns: 200 });
  });

  it('never change the link graph', async () => {
    await fc.assert(fc.asyncProperty(randomRuns, proveLinkGraph), { numRuns: 200 });
  });
});

describe('truncated charts, parsed by the real Mermaid', () => {
  it('keep a long waterfall to the rows that fit, with a title saying so', async () => {
    const name = '%%{init: {}}%% <b>'.repeat(10);
    const spans = Array.from({ length: 3000 }, (_, i) =>
      makeSpan({ traceId: 'ab'.repeat(16), spanId: String(i), name, start: i, end: i + 3 }),
    );
    const chart = buildWaterfall(spans);
    expect(chart.truncated).toBe(true);
    const db = await parsed<GanttDb>(chart.text, 'gantt');
    expect(db.getTasks()).toHaveLength(chart.shown);
    expect(db.getDiagramTitle()).toBe(`Showing the first ${String(chart.shown)} of 3000 spans`);
  });

  it('keep a large link graph to 500 edges, which Mermaid accepts, with a title saying so', async () => {
    const trace = 'cd'.repeat(16);
    const spans = Array.from({ length: 700 }, (_, i) =>
      makeSpan({ traceId: trace, spanId: String(i), parentSpanId: i === 0 ? null : '0', start: i }),
    );
    const graph = buildLinkGraph(spans);
    const db = await parsed<FlowDb>(graph.text, 'flowchart-v2');
    expect(db.getEdges()).toHaveLength(500);
    expect(db.getVertices().size).toBe(graph.shown);
    // getDiagramFromText drops front matter's title (render keeps it), so it is read from the text.
    expect(graph.text).toMatch(/^---\ntitle: Showing the first 501 of 700 spans\n---\nflowchart LR\n/);
  });
});

import { groupByTrace, type SpanRecord } from '../trace/model.ts';
import { largestFitting, MAX_EDGES, MAX_TEXT_SIZE, type MermaidChart } from './mermaid-chart.ts';
import { flowchartLabel, MAX_LABEL_CHARS } from './mermaid-escape.ts';
import { danglingWhy, linkLabel, MAX_LINK_LABEL_CHARS, shortId, spanLabel, traceName } from './span-label.ts';
import { treeOrder } from './span-tree.ts';
import { danglingTargets, type DanglingTarget } from '../trace/dangling-links.ts';
import { spanKey } from '../trace/span-key.ts';

/** Options for the link graph. */
export interface LinkGraphOptions {
  /** Longest text, in characters (Mermaid's `maxTextSize`, 50,000 by default). */
  maxTextSize?: number;
  /** Most edges (Mermaid's `maxEdges`, 500 by default). */
  maxEdges?: number;
  /** Longest span name or link label before it is cut (80 by default). */
  maxLabelChars?: number;
  /**
   * The spans the run's sampler did not keep (`RunResult.unsampledSpans`). Links of kept spans
   * to them get `· target not kept` on their edge; one not among the spans drawn is a placeholder node saying it was never exported.
   */
  unsampled?: readonly SpanRecord[];
}

/** The link graph: a Mermaid flowchart, with how many edges it draws. */
export interface LinkGraph extends MermaidChart {
  edges: number;
}

/** A span in drawing order, with its node id, trace (subgraph) index, and escaped texts. */
interface Entry {
  span: SpanRecord;
  id: string;
  trace: number;
  /** The node statement, `s0["…"]`. */
  node: string;
  /** Per link, the dotted arrow with its escaped label, `-.->|"…"|`. */
  arrows: string[];
}

/** Everything the graph needs, escaped once; `render` only picks and joins. */
interface Drawing {
  entries: Entry[];
  /** Per trace, its subgraph statement. */
  subgraphs: string[];
  traceIds: string[];
  /** Where each span (by trace and span id) is first drawn. */
  first: Map<string, { index: number; id: string }>;
  /** Spans not drawn that the sampler did not keep, by key, with their placeholder's escaped label. */
  notKept: Map<string, string>;
}

/** A span referenced by a parent id or a link but absent from the run, or not kept and not drawn. */
interface External {
  id: string;
  traceId: string;
  /** The node statement's escaped label. */
  label: string;
  notKept: boolean;
}

/** The dotted arrow of a link, labelled with the link's label and, when it dangles, why. */
function arrow(label: string, dangling: DanglingTarget | undefined): string {
  const why = dangling === undefined ? '' : `target ${danglingWhy(dangling.reason)}`;
  const text = why === '' ? label : label === '' ? why : `${label} · ${why}`;
  return text === '' ? '-.->' : `-.->|${flowchartLabel(text)}|`;
}

function prepare(spans: readonly SpanRecord[], maxLabelChars: number, unsampled: readonly SpanRecord[]): Drawing {
  const traces = [...groupByTrace(spans)];
  const entries: Entry[] = [];
  const first = new Map<string, { index: number; id: string }>();
  const dangling = danglingTargets({ spans, unsampledSpans: unsampled });
  traces.forEach(([, traceSpans], trace) => {
    for (const { span } of treeOrder(traceSpans)) {
      const id = `s${String(entries.length)}`;
      const key = spanKey(span.traceId, span.spanId);
      if (!first.has(key)) first.set(key, { index: entries.length, id });
      const arrows = span.links.map((link) => {
        const label = linkLabel(link, Math.min(maxLabelChars, MAX_LINK_LABEL_CHARS));
        // Only targets not kept: a span never ended is marked "(never ended)" on its own node.
        const found = span.sampled === false ? undefined : dangling.get(spanKey(link.traceId, link.spanId));
        const target = found?.reason === 'not-sampled' ? found : undefined;
        return arrow(label, target);
      });
      entries.push({ span, id, trace, node: `${id}[${flowchartLabel(spanLabel(span, maxLabelChars))}]`, arrows });
    }
  });
  // Named as the waterfall names them: numbered in order of their first span.
  const subgraphs = traces.map(
    ([traceId], trace) => `subgraph t${String(trace)} [${flowchartLabel(traceName(trace + 1, traceId))}]`,
  );
  // A trace some span of which was kept was exported, in part; one with none never was.
  const keptTraces = new Set(spans.filter((span) => span.sampled !== false).map((span) => span.traceId));
  const notKept = new Map<string, string>();
  for (const span of unsampled) {
    const key = spanKey(span.traceId, span.spanId);
    if (first.has(key) || notKept.has(key)) continue;
    const never = keptTraces.has(span.traceId) ? 'never exported' : 'trace never exported';
    notKept.set(key, flowchartLabel(`${spanLabel({ ...span, sampled: false }, maxLabelChars)} · ${never}`));
  }
  return { entries, subgraphs, traceIds: traces.map(([traceId]) => traceId), first, notKept };
}

function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** The flowchart for the first `n` entries, and how many edges it has. */
function render(drawing: Drawing, n: number): { text: string; edges: number } {
  const { entries, first } = drawing;
  const shown = entries.slice(0, n);
  const externals = new Map<string, External>();
  // The node for a referenced span: drawn, external, or null when in the run but not drawn.
  const target = (traceId: string, spanId: string): string | null => {
    const key = spanKey(traceId, spanId);
    const drawn = first.get(key);
    if (drawn !== undefined) return drawn.index < n ? drawn.id : null;
    let external = externals.get(key);
    if (external === undefined) {
      const notKept = drawing.notKept.get(key);
      const label = notKept ?? flowchartLabel(`external span ${shortId(traceId)}/${shortId(spanId)}`);
      external = { id: `x${String(externals.size)}`, traceId, label, notKept: notKept !== undefined };
      externals.set(key, external);
    }
    return external.id;
  };

  const edgeLines: string[] = [];
  for (const { span, id } of shown) {
    const parent = span.parentSpanId === null ? null : target(span.traceId, span.parentSpanId);
    if (parent !== null && parent !== id) edgeLines.push(`    ${parent} --> ${id}`);
  }
  for (const { span, id, arrows } of shown) {
    span.links.forEach((link, i) => {
      const from = target(link.traceId, link.spanId);
      if (from !== null) edgeLines.push(`    ${from} ${arrows[i] ?? '-.->'} ${id}`);
    });
  }

  const lines: string[] = [];
  if (n < entries.length) {
    lines.push('---', `title: Showing the first ${String(n)} of ${String(entries.length)} spans`, '---');
  }
  lines.push('flowchart LR');
  const externalNode = (x: External): string => `${x.id}([${x.label}])`;
  const members = groupBy(shown, (entry) => entry.trace);
  const externalsByTrace = groupBy(externals.values(), (external) => external.traceId);
  drawing.traceIds.forEach((traceId, trace) => {
    const traceMembers = members.get(trace);
    if (traceMembers === undefined) return;
    lines.push(`    ${drawing.subgraphs[trace] ?? ''}`);
    for (const { node } of traceMembers) lines.push(`        ${node}`);
    // A missing span of a drawn trace (a remote parent, say) is drawn inside that trace.
    for (const external of externalsByTrace.get(traceId) ?? []) lines.push(`        ${externalNode(external)}`);
    externalsByTrace.delete(traceId);
    lines.push('    end');
  });
  for (const rest of externalsByTrace.values())
    for (const external of rest) lines.push(`    ${externalNode(external)}`);
  for (const line of edgeLines) lines.push(line);

  const classes: Array<[name: string, style: string, ids: string[]]> = [
    ['error', 'stroke:red,stroke-width:2px', shown.filter((e) => e.span.status.code === 'error').map((e) => e.id)],
    ['open', 'stroke-dasharray:6 3', shown.filter((e) => e.span.end === null).map((e) => e.id)],
    ['external', 'stroke-dasharray:2 2', [...externals.values()].filter((x) => !x.notKept).map((x) => x.id)],
    [
      'notkept',
      'stroke-dasharray:5 4',
      [
        ...shown.filter((e) => e.span.sampled === false).map((e) => e.id),
        ...[...externals.values()].filter((x) => x.notKept).map((x) => x.id),
      ],
    ],
  ];
  for (const [name, style, ids] of classes) {
    if (ids.length > 0) lines.push(`    classDef ${name} ${style}`, `    class ${ids.join(',')} ${name}`);
  }
  return { text: lines.join('\n'), edges: edgeLines.length };
}

/**
 * The link graph of a run as a Mermaid flowchart (left to right): one subgraph per trace, a
 * node per span (`service › name`, class `error` for errors and `open` for spans never ended),
 * solid edges parent → child, and dotted edges for span links labelled short enough to stay
 * off the trace boxes' borders: the link's `link.type` (`retry-of`), else its first attribute
 * (`messaging.message.id=m1`), and how many attributes are left out (see `linkLabel`). Every arrow points forward in causality: a dotted edge
 * runs from the linked span to the span that holds the link. A parent or linked span absent from
 * the run is an "external span" node (class `external`), inside its trace's subgraph when that
 * trace is drawn. Spans the sampler did not keep (`sampled: false`) are drawn `(not kept)`, class
 * `notkept`; a link of a kept span that dangles says why on its edge, and a target not kept and
 * not drawn (`unsampled`) is a placeholder node, class `notkept` (see `LinkGraphOptions`). Node ids are generated (`s0`, `x0`, `t0` …), never taken from span data. When
 * the graph would pass `maxEdges` or `maxTextSize`, it keeps the first spans (traces in order,
 * each in tree order), says so in a front-matter title, and reports `truncated`.
 */
export function buildLinkGraph(spans: readonly SpanRecord[], options: LinkGraphOptions = {}): LinkGraph {
  const maxTextSize = options.maxTextSize ?? MAX_TEXT_SIZE;
  const maxEdges = options.maxEdges ?? MAX_EDGES;
  const drawing = prepare(spans, options.maxLabelChars ?? MAX_LABEL_CHARS, options.unsampled ?? []);
  const total = drawing.entries.length;
  const shown = largestFitting(total, (n) => {
    const graph = render(drawing, n);
    return graph.edges <= maxEdges && graph.text.length <= maxTextSize;
  });
  const { text, edges } = render(drawing, shown);
  return { text, edges, truncated: shown < total, shown, total };
}

/** The link graph's Mermaid flowchart text (see `buildLinkGraph`), for the CLI. */
export function toLinkGraph(spans: readonly SpanRecord[], options: LinkGraphOptions = {}): string {
  return buildLinkGraph(spans, options).text;
}

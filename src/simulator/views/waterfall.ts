import { groupByTrace, type SpanRecord } from '../trace/model.ts';
import { largestFitting, MAX_TEXT_SIZE, type MermaidChart } from './mermaid-chart.ts';
import { ganttSectionName, ganttTaskName, MAX_LABEL_CHARS } from './mermaid-escape.ts';
import { depthPrefix, shortId, spanLabel } from './span-label.ts';
import { treeOrder, type PlacedSpan } from './span-tree.ts';

/** Options for the waterfall charts. */
export interface WaterfallOptions {
  /** Longest text of one chart, in characters (Mermaid's `maxTextSize`, 50,000 by default). */
  maxTextSize?: number;
  /** Longest span name in a row label before it is cut (80 by default). */
  maxLabelChars?: number;
}

/** One trace's waterfall: a Mermaid gantt chart. */
export interface TraceWaterfall extends MermaidChart {
  traceId: string;
}

/** One gantt row: `label: tags, id, start, end`, times in ms from the trace's start. */
function taskLine(placed: PlacedSpan, id: string, origin: number, last: number, maxLabelChars: number): string {
  const { span, depth } = placed;
  const start = Math.round(span.start - origin);
  // A span never ended runs open to the trace's last timestamp.
  const end = Math.max(start, Math.round((span.end ?? last) - origin));
  const tags = [span.status.code === 'error' ? 'crit' : '', span.end === null ? 'active' : '']
    .filter((tag) => tag !== '')
    .map((tag) => `${tag}, `)
    .join('');
  const label = ganttTaskName(depthPrefix(depth) + spanLabel(span, maxLabelChars));
  return `    ${label}: ${tags}${id}, ${String(start)}, ${String(end)}`;
}

/** The chart's lines before its rows; a chart showing `shown` of `total` rows says so in its title. */
function header(traceId: string, shown: number, total: number): string[] {
  const lines = ['gantt', '    dateFormat x', '    axisFormat %Q ms', '    todayMarker off'];
  if (shown < total) lines.push(`    title Showing the first ${String(shown)} of ${String(total)} spans`);
  lines.push(`    section ${ganttSectionName(`trace ${shortId(traceId)}`)}`);
  return lines;
}

/** One trace's waterfall, cut to the first rows (in tree order) that fit in `maxTextSize`. */
function traceWaterfall(traceId: string, spans: readonly SpanRecord[], options: WaterfallOptions): TraceWaterfall {
  const maxTextSize = options.maxTextSize ?? MAX_TEXT_SIZE;
  const maxLabelChars = options.maxLabelChars ?? MAX_LABEL_CHARS;
  // reduce, not Math.min(...spans): a spread of 100,000 arguments overflows the stack.
  const origin = spans.reduce((min, span) => Math.min(min, span.start), Infinity);
  const last = spans.reduce((max, span) => Math.max(max, span.end ?? span.start), -Infinity);
  const rows = treeOrder(spans).map((entry, i) => taskLine(entry, `s${String(i)}`, origin, last, maxLabelChars));
  // The text's length for n rows, without building it: the header, then each row after a newline.
  const rowChars = [0];
  for (const row of rows) rowChars.push((rowChars.at(-1) ?? 0) + 1 + row.length);
  const length = (n: number): number => header(traceId, n, rows.length).join('\n').length + (rowChars[n] ?? 0);
  const shown = largestFitting(rows.length, (n) => length(n) <= maxTextSize);
  const text = [...header(traceId, shown, rows.length), ...rows.slice(0, shown)].join('\n');
  return { traceId, text, truncated: shown < rows.length, shown, total: rows.length };
}

/**
 * One Mermaid gantt chart per trace, traces in order of their first span. Rows follow the span
 * tree (parent before children, siblings by start), labelled `· · service › name` with one dot
 * per level; times are whole ms from the trace's first start (`dateFormat x`). Errors are `crit`
 * bars marked "(error)"; spans never ended are `active` bars open to the trace's last timestamp,
 * marked "(never ended)". A chart longer than Mermaid's `maxTextSize` keeps its first rows,
 * says so in its title, and reports `truncated`.
 */
export function buildWaterfalls(spans: readonly SpanRecord[], options: WaterfallOptions = {}): TraceWaterfall[] {
  return [...groupByTrace(spans)].map(([traceId, traceSpans]) => traceWaterfall(traceId, traceSpans, options));
}

/**
 * Every trace's gantt chart as one text, for the CLI: each chart follows a `%% trace <id>`
 * comment line and charts are separated by a blank line; each chart is a diagram on its own.
 */
export function toWaterfall(spans: readonly SpanRecord[], options: WaterfallOptions = {}): string {
  return (
    buildWaterfalls(spans, options)
      // Trace ids are hex; anything else (an odd imported file) is not echoed into a comment.
      .map((chart) => `%% trace ${chart.traceId.slice(0, 64).replace(/[^0-9A-Za-z]/g, '?')}\n${chart.text}\n`)
      .join('\n')
  );
}

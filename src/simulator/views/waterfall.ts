import { danglingTargets, type DanglingReason, type DanglingTarget } from '../trace/dangling-links.ts';
import type { SpanRecord } from '../trace/model.ts';
import { spanKey } from '../trace/span-key.ts';
import { largestFitting, MAX_TEXT_SIZE, type MermaidChart } from './mermaid-chart.ts';
import { ganttSectionName, ganttTaskName, MAX_LABEL_CHARS } from './mermaid-escape.ts';
import { danglingMark, spanLabel } from './span-label.ts';
import { treeOrder, type PlacedSpan } from './span-tree.ts';
import { treeGuides } from './tree-guides.ts';
import { traceOrder } from './trace-numbers.ts';

/** Options for the waterfall chart. */
export interface WaterfallOptions {
  /** Longest text of the chart, in characters (Mermaid's `maxTextSize`, 50,000 by default). */
  maxTextSize?: number;
  /** Longest span name in a row label before it is cut (80 by default). */
  maxLabelChars?: number;
  /** A span name: the traces holding a span of that name come first (the trace a lesson is about). */
  focus?: string | null | undefined;
  /** Draws only this trace, on an axis of its own (a zoom on one trace). */
  traceId?: string;
  /** Most ticks on the time axis (6 by default), so their labels never run together. */
  maxTicks?: number;
  /**
   * The spans the run's sampler did not keep (`RunResult.unsampledSpans`): a kept span with links
   * to them is marked `⚠ dangling: target not kept`.
   */
  unsampled?: readonly SpanRecord[];
}

/** One trace in the chart: a section of rows. */
export interface WaterfallSection {
  traceId: string;
  /** Position of the trace among the run's traces (in order of their first span). */
  index: number;
  /** Its number in the chart, from 1, in the order drawn: the section is titled `trace <number>`. */
  number: number;
  /** How many spans it has. */
  spans: number;
  /** Earliest start and latest end, ms from the chart's origin. */
  start: number;
  end: number;
  /** Whether its spans are folded into one row (a trace of 0 ms with more than one span). */
  collapsed: boolean;
}

/** The waterfall of a run: one Mermaid gantt chart, every trace a section on one time axis. */
export interface RunWaterfall extends MermaidChart {
  /** The traces drawn, in the order drawn (those cut off by `maxTextSize` are left out). */
  sections: WaterfallSection[];
}

/** The smallest step of 1, 2 or 5 × 10ⁿ ms that puts at most `maxTicks` ticks on `range` ms. */
export function tickStep(range: number, maxTicks: number): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5])
      if (Math.floor(range / (step * power)) + 1 <= Math.max(2, maxTicks)) return step * power;
  }
}

interface Row {
  line: string;
  section: number;
  /** How many spans the row stands for (more than one for a folded trace). */
  spans: number;
}

/**
 * The chart's time unit: whole ms, or whole µs for a chart shorter than 10 ms, whose spans would
 * otherwise all round to 0 (a database call or a cache lookup in a trace file from a real system).
 */
interface TimeUnit {
  perMs: number;
  name: 'ms' | 'µs';
}

const MS: TimeUnit = { perMs: 1, name: 'ms' };
const US: TimeUnit = { perMs: 1000, name: 'µs' };

/** One gantt row: `label: tags, id, start, end`, times in whole units from the chart's origin. */
function taskLine(span: SpanRecord, label: string, id: string, origin: number, last: number, unit: TimeUnit): string {
  const start = Math.round((span.start - origin) * unit.perMs);
  // A span never ended runs open to its trace's last timestamp.
  const end = Math.max(start, Math.round(((span.end ?? last) - origin) * unit.perMs));
  const tags = [
    span.status.code === 'error' ? 'crit' : '',
    span.end === null ? 'active' : '',
    span.sampled === false ? 'done' : '',
  ]
    .filter((tag) => tag !== '')
    .map((tag) => `${tag}, `)
    .join('');
  return `    ${ganttTaskName(label)}: ${tags}${id}, ${String(start)}, ${String(end)}`;
}

/** Why each link of a kept span dangles, if any do. */
function danglingReasons(span: SpanRecord, targets: ReadonlyMap<string, DanglingTarget>): DanglingReason[] {
  if (span.sampled === false || targets.size === 0) return [];
  // Only targets not kept: a span never ended is marked "(never ended)" where it is drawn.
  return span.links.flatMap((link) => {
    const reason = targets.get(spanKey(link.traceId, link.spanId))?.reason;
    return reason === 'not-sampled' ? [reason] : [];
  });
}

/** One trace's rows: its spans in tree order with tree guides, or one row when it lasts 0 ms. */
function traceRows(
  placed: PlacedSpan[],
  traceIndex: number,
  origin: number,
  maxLabelChars: number,
  targets: ReadonlyMap<string, DanglingTarget>,
  unit: TimeUnit,
): string[] {
  const last = placed.reduce((max, { span }) => Math.max(max, span.end ?? span.start), -Infinity);
  const first = placed.reduce((min, { span }) => Math.min(min, span.start), Infinity);
  const id = (row: number): string => `t${String(traceIndex)}s${String(row)}`;
  const root = placed[0];
  if (root !== undefined && placed.length > 1 && last === first) {
    const label = `${spanLabel(root.span, maxLabelChars)} and ${String(placed.length - 1)} more, all at 0 ms`;
    return [taskLine(root.span, label, id(0), origin, last, unit)];
  }
  const guides = treeGuides(placed);
  return placed.map(({ span }, row) => {
    const label = spanLabel(span, maxLabelChars) + danglingMark(danglingReasons(span, targets));
    return taskLine(span, (guides[row] ?? '') + label, id(row), origin, last, unit);
  });
}

/** The chart's lines before its rows; a chart showing `shown` of `total` rows says so in its title. */
function header(step: number, shown: number, total: number, unit: TimeUnit): string[] {
  // Mermaid reads each unit as a millisecond; the axis names the unit it stands for.
  const lines = [
    'gantt',
    '    dateFormat x',
    `    axisFormat %Q ${unit.name}`,
    `    tickInterval ${String(step)}millisecond`,
  ];
  lines.push('    todayMarker off');
  if (shown < total) lines.push(`    title Showing the first ${String(shown)} of ${String(total)} spans`);
  return lines;
}

/**
 * The waterfall of a run as one Mermaid gantt chart: every trace is a section (`trace 1`,
 * `trace 2` … in the order drawn) on one time axis, in whole ms from the run's first start
 * (`dateFormat x`; whole µs for a chart shorter than 10 ms), so the time between traces — retry
 * backoff, queue delay — shows. Traces come
 * in order of their first span, those holding a span named `focus` first; `traceId` draws one
 * trace on its own axis. Rows follow each span tree (parent before children, siblings by start),
 * labelled `├─ service › name` with tree guides; a trace of 0 ms with several spans is one row.
 * Errors are `crit` bars marked "(error)"; spans never ended are `active` bars open to their
 * trace's last timestamp, marked "(never ended)"; spans the sampler did not keep are `done` bars
 * marked "(not kept)", and a kept span with links no backend could follow (see `unsampled`) says
 * so after its label ("⚠ dangling: target not kept"). The axis has at most `maxTicks` ticks. A chart
 * longer than Mermaid's `maxTextSize` keeps its first rows, says so in its title, and reports
 * `truncated`. Task ids are `t<trace index>s<row in tree order>`.
 */
export function buildWaterfall(spans: readonly SpanRecord[], options: WaterfallOptions = {}): RunWaterfall {
  const maxTextSize = options.maxTextSize ?? MAX_TEXT_SIZE;
  const maxLabelChars = options.maxLabelChars ?? MAX_LABEL_CHARS;
  // A trace keeps its number (by first span, as every view numbers it) when `focus` draws it first.
  const ordered = traceOrder(spans, options.focus).map((trace) => ({ trace, number: trace[2] + 1 }));
  const drawn = options.traceId === undefined ? ordered : ordered.filter(({ trace }) => trace[0] === options.traceId);
  const all = drawn.flatMap(({ trace }) => trace[1]);
  // reduce, not Math.min(...spans): a spread of 100,000 arguments overflows the stack.
  const origin = all.reduce((min, span) => Math.min(min, span.start), Infinity);
  const end = all.reduce((max, span) => Math.max(max, span.end ?? span.start), -Infinity);
  const range = all.length === 0 ? 0 : end - origin;
  const unit = range > 0 && range < 10 ? US : MS;
  const step = tickStep(Math.round(range * unit.perMs), options.maxTicks ?? 6);
  const targets = danglingTargets({ spans, unsampledSpans: options.unsampled ?? [] });

  const sections: WaterfallSection[] = [];
  const rows: Row[] = [];
  for (const { trace, number } of drawn) {
    const [traceId, traceSpans, index] = trace;
    const placed = treeOrder(traceSpans);
    const lines = traceRows(placed, index, origin, maxLabelChars, targets, unit);
    const start = traceSpans.reduce((min, span) => Math.min(min, span.start), Infinity) - origin;
    const last = traceSpans.reduce((max, span) => Math.max(max, span.end ?? span.start), -Infinity) - origin;
    sections.push({
      traceId,
      index,
      number,
      spans: traceSpans.length,
      start: Math.round(start),
      end: Math.round(last),
      collapsed: lines.length < placed.length,
    });
    const folded = lines.length < placed.length ? placed.length : 1;
    for (const line of lines) rows.push({ line, section: sections.length - 1, spans: folded });
  }
  const sectionLine = (i: number): string => `    section ${ganttSectionName(`trace ${String(sections[i]?.number)}`)}`;
  const lines = (n: number): string[] => {
    const out = header(step, n, rows.length, unit);
    rows.slice(0, n).forEach((row, i) => {
      if (i === 0 || rows[i - 1]?.section !== row.section) out.push(sectionLine(row.section));
      out.push(row.line);
    });
    return out;
  };
  // The text's length for n rows, without building it: each row and each section line after a newline.
  const chars = [header(step, 0, 1, unit).join('\n').length];
  rows.forEach((row, i) => {
    const opens = i === 0 || rows[i - 1]?.section !== row.section ? 1 + sectionLine(row.section).length : 0;
    chars.push((chars.at(-1) ?? 0) + opens + 1 + row.line.length);
  });
  const titleChars = (n: number): number =>
    n < rows.length ? 1 + (header(step, n, rows.length, unit).at(-1)?.length ?? 0) : 0;
  const shown = largestFitting(rows.length, (n) => (chars[n] ?? 0) + titleChars(n) <= maxTextSize);
  const kept = new Set(rows.slice(0, shown).map((row) => row.section));
  const count = (list: readonly Row[]): number => list.reduce((sum, row) => sum + row.spans, 0);
  return {
    text: lines(shown).join('\n'),
    truncated: shown < rows.length,
    shown: count(rows.slice(0, shown)),
    total: count(rows),
    sections: sections.filter((_, i) => kept.has(i)),
  };
}

/**
 * The run's waterfall for the CLI: the chart the site draws, after one `%% trace <n> <id>`
 * comment line per trace naming the sections.
 */
export function toWaterfall(spans: readonly SpanRecord[], options: WaterfallOptions = {}): string {
  const chart = buildWaterfall(spans, options);
  // Trace ids are hex; anything else (an odd imported file) is not echoed into a comment.
  const names = chart.sections.map(
    (section) => `%% trace ${String(section.number)} ${section.traceId.slice(0, 64).replace(/[^0-9A-Za-z]/g, '?')}`,
  );
  return `${[...names, chart.text].join('\n')}\n`;
}

/** A short human-readable account of a run: traces as trees, links, spans never ended, checks, limits, errors. */
import type { ExpectationVerdict } from '../checks/expectation-schema.ts';
import { lintTrace } from '../checks/lint/lint-trace.ts';
import type { Finding } from '../checks/lint/rule.ts';
import { danglingLinks, type DanglingReason } from '../trace/dangling-links.ts';
import { idDigits } from '../trace/id-digits.ts';
import { spanKey } from '../trace/span-key.ts';
import { groupByTrace, type RunResult, type SpanRecord } from '../trace/model.ts';

/** The checks a summary shows: findings (the linter's own when not given) and expectation verdicts. */
export interface SummaryChecks {
  findings?: readonly Finding[];
  expectations?: readonly ExpectationVerdict[];
}

const short = idDigits;

function formatMs(ms: number): string {
  return Number.isInteger(ms) ? `${ms} ms` : `${ms.toFixed(3)} ms`;
}

function spanLine(span: SpanRecord, origin: number): string {
  const end = span.end === null ? 'never ended' : `${formatMs(span.end - origin)}`;
  const status = span.status.code === 'error' ? ` ERROR${span.status.message ? `: ${span.status.message}` : ''}` : '';
  const links = span.links.length > 0 ? ` (${span.links.length} link${span.links.length > 1 ? 's' : ''})` : '';
  return `${JSON.stringify(span.name)} [${span.service}, ${span.kind}] ${formatMs(span.start - origin)} → ${end}${links}${status}${thrownAt(span)}`;
}

/** Where the span's first recorded exception was thrown: its stack's first frame (`at fn (file:line:col)`), if any. */
function thrownAt(span: SpanRecord): string {
  for (const event of span.events) {
    const stack = event.name === 'exception' ? event.attributes['exception.stacktrace'] : undefined;
    if (typeof stack !== 'string') continue;
    const frame = /^\s+at\s.*?\(?([^\s()]+:\d+:\d+)\)?\s*$/m.exec(stack);
    if (frame?.[1] !== undefined) return ` (exception at ${frame[1]})`;
  }
  return '';
}

/** The trace's spans as a tree; a root whose parent the sampler dropped says so (`notSampled`: those span ids). */
function traceTree(
  spans: readonly SpanRecord[],
  origin: number,
  notSampled: ReadonlySet<string> = new Set(),
): string[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, SpanRecord[]>();
  for (const span of spans) {
    const parent = span.parentSpanId !== null && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    const list = children.get(parent) ?? [];
    list.push(span);
    children.set(parent, list);
  }
  const lines: string[] = [];
  const walk = (parent: string | null, prefix: string, depth: number): void => {
    const list = (children.get(parent) ?? []).slice().sort((a, b) => a.start - b.start);
    list.forEach((span, i) => {
      const last = i === list.length - 1;
      const branch = depth === 0 ? '' : last ? '└─ ' : '├─ ';
      const remote =
        depth === 0 && span.parentSpanId !== null
          ? ` (parent ${short(span.parentSpanId)} ${notSampled.has(span.parentSpanId) ? 'not sampled' : 'not in this run'})`
          : '';
      lines.push(`  ${prefix}${branch}${spanLine(span, origin)}${remote}`);
      walk(span.spanId, depth === 0 ? prefix : prefix + (last ? '   ' : '│  '), depth + 1);
    });
  };
  walk(null, '', 0);
  return lines;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function checkLines(findings: readonly Finding[], verdicts: readonly ExpectationVerdict[]): string[] {
  const out: string[] = [''];
  if (findings.length === 0) out.push('Findings — none: the linter has nothing to flag');
  else {
    const bySeverity = (['error', 'warning', 'info'] as const)
      .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
      .filter(([, n]) => n > 0)
      .map(([severity, n]) => (severity === 'info' ? `${n} info` : count(n, severity)));
    out.push(`Findings — ${bySeverity.join(', ')}`);
    for (const f of findings) {
      out.push(`  ${f.severity.padEnd(7)} ${f.rule}: ${f.message}`);
      out.push(`          spans ${f.spans.map(short).join(', ')}${f.docs === undefined ? '' : ` · ${f.docs}`}`);
    }
  }
  if (verdicts.length > 0) {
    const passed = verdicts.filter((v) => v.passed).length;
    out.push('', `Expectations — ${passed} of ${verdicts.length} passed`);
    for (const v of verdicts) {
      out.push(`  ${v.passed ? '✓' : '✗'} ${v.description}`);
      if (!v.passed) out.push(`      found: ${v.message}`);
    }
  }
  return out;
}

/** How a dangling link's target is described. */
const DANGLING: Record<DanglingReason, string> = {
  'not-sampled': 'dangles: not sampled',
  'never-ended': 'dangles: never ended',
};

/** The run's counts: spans started, kept, dropped by the sampler and by the budget; links that dangle. */
function spanCounts(result: RunResult, dangling: number): string {
  const { spansStarted, spansKept, spansDropped, spansUnsampled = 0 } = result.stats;
  const budget = spansDropped > 0 ? `, ${spansDropped.toLocaleString('en-US')} dropped by the span budget` : '';
  return `Spans — ${spansStarted.toLocaleString('en-US')} started, ${spansKept.toLocaleString('en-US')} kept, ${spansUnsampled.toLocaleString('en-US')} dropped by the sampler${budget}; ${count(dangling, 'link')} dangle${dangling === 1 ? 's' : ''}`;
}

/**
 * The readable account the CLI prints for `--format summary`, with the linter's findings and any
 * expectation verdicts. `readAs` names the format of a trace file the spans were read from: a file
 * has no seed, virtual time or sampler, so the account says what it read instead.
 */
export function toSummary(result: RunResult, title = 'scenario', checks: SummaryChecks = {}, readAs?: string): string {
  const traces = groupByTrace(result.spans);
  const unsampled = result.unsampledSpans ?? [];
  const notSampledIds = new Set(unsampled.map((s) => s.spanId));
  const byKey = new Map([...result.spans, ...unsampled].map((s) => [spanKey(s.traceId, s.spanId), s]));
  const origin = [...result.spans, ...unsampled].reduce((min, s) => Math.min(min, s.start), Infinity);
  const linkCount = result.spans.reduce((n, s) => n + s.links.length, 0);
  const dangling = new Map(
    danglingLinks(result).map((d) => [`${spanKey(d.from.traceId, d.from.spanId)}#${d.index}`, d]),
  );
  const settings = [
    result.context === undefined ? '' : `, context ${result.context}`,
    result.sampler === undefined ? '' : `, sampler ${result.sampler}`,
  ].join('');
  const counts = `${traces.size} trace${traces.size === 1 ? '' : 's'}, ${result.spans.length} span${result.spans.length === 1 ? '' : 's'}, ${linkCount} link${linkCount === 1 ? '' : 's'}`;
  const out: string[] =
    readAs === undefined
      ? [
          `${title}: ${counts}, ${formatMs(result.stats.virtualMs)} of virtual time (${result.stats.wallMs.toFixed(1)} ms of engine time), seed ${result.seed}${settings}`,
          spanCounts(result, dangling.size),
        ]
      : [`${title}: ${counts}, read as ${readAs}`];
  if (result.stats.spansDropped > 0) {
    out.push(
      `showing ${result.stats.spansKept.toLocaleString('en-US')} of ${result.stats.spansStarted.toLocaleString('en-US')} spans (span budget)`,
    );
  }
  for (const [traceId, spans] of traces) {
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end ?? s.start));
    out.push(
      '',
      `Trace ${short(traceId)} — ${spans.length} span${spans.length === 1 ? '' : 's'}, ${formatMs(end - start)}`,
    );
    out.push(...traceTree(spans, Number.isFinite(origin) ? origin : start, notSampledIds));
  }
  if (unsampled.length > 0) {
    out.push('', `Not sampled — ${count(unsampled.length, 'span')} the sampler dropped: recorded here, never exported`);
    for (const [traceId, spans] of groupByTrace(unsampled)) {
      out.push(`  Trace ${short(traceId)}`);
      out.push(...traceTree(spans, origin).map((line) => `  ${line}`));
    }
  }
  const linked = result.spans.filter((s) => s.links.length > 0);
  if (linked.length > 0) {
    out.push('', 'Links');
    for (const span of linked) {
      span.links.forEach((link, index) => {
        const target = byKey.get(spanKey(link.traceId, link.spanId));
        const gone = dangling.get(`${spanKey(span.traceId, span.spanId)}#${index}`);
        const where = target
          ? `${JSON.stringify(target.name)} in trace ${short(link.traceId)}${gone ? ` (${DANGLING[gone.reason]})` : ''}`
          : `span ${short(link.spanId)} in trace ${short(link.traceId)} (not in this run)`;
        const attributes = Object.entries(link.attributes)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(', ');
        out.push(`  ${JSON.stringify(span.name)} → ${where}${attributes ? ` {${attributes}}` : ' (no attributes)'}`);
      });
    }
  }
  const open = result.spans.filter((s) => s.end === null);
  if (open.length > 0) {
    out.push('', 'Never ended');
    for (const span of open)
      out.push(`  ${JSON.stringify(span.name)} [${span.service}] started at ${formatMs(span.start - origin)}`);
  }
  out.push(...checkLines(checks.findings ?? lintTrace(result.spans), checks.expectations ?? []));
  if (result.limits.length > 0) {
    out.push('', 'Limits');
    for (const hit of result.limits) out.push(`  ${hit.limit}: ${hit.message}`);
  }
  if (result.errors.length > 0) {
    out.push('', 'Errors');
    for (const error of result.errors) {
      const where = error.line !== undefined ? `line ${error.line}:${error.column ?? 1}: ` : '';
      out.push(`  ${where}${error.message}`);
    }
  }
  const warnings = result.console.filter((c) => c.level === 'warn' || c.level === 'error');
  if (warnings.length > 0) {
    out.push('', 'Warnings');
    for (const entry of warnings) out.push(`  ${entry.line !== undefined ? `line ${entry.line}: ` : ''}${entry.text}`);
  }
  return out.join('\n');
}

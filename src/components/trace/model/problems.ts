import type { RunError, RunResult } from '@spanlab/engine';
import type { Finding, Severity } from './finding.ts';
import { formatCount, plural } from './format.ts';
import type { IndexedSpan, RunIndex } from './RunIndex.ts';

/** Where a problem comes from. */
export type ProblemSource = RunError['kind'] | 'limit-hit' | 'finding' | 'never-ended' | 'dropped';

/** One entry of the Problems list. */
export interface Problem {
  severity: Severity;
  source: ProblemSource;
  /** A short heading: "Syntax error", "Limit: span-count", a linter rule's name … */
  title: string;
  message: string;
  /** 1-based line and column in the scenario's source, when known. */
  line?: number | undefined;
  column?: number | undefined;
  /** The spans it is about, in the run. */
  spans: IndexedSpan[];
  /** How many more spans it is about than `spans` lists. */
  moreSpans: number;
  /** A lesson that explains it: a path or a slug. */
  lesson?: string | undefined;
}

/** Most spans a problem lists; the rest are counted. */
export const MAX_PROBLEM_SPANS = 20;

const ERROR_TITLES: Record<RunError['kind'], string> = {
  compile: 'Syntax error',
  runtime: 'Uncaught error',
  'unhandled-rejection': 'Unhandled rejection',
  limit: 'Limit',
  crash: 'The run crashed',
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function listed(spans: IndexedSpan[]): Pick<Problem, 'spans' | 'moreSpans'> {
  return { spans: spans.slice(0, MAX_PROBLEM_SPANS), moreSpans: Math.max(0, spans.length - MAX_PROBLEM_SPANS) };
}

function fromError(error: RunError): Problem {
  const title = error.kind === 'runtime' && error.name !== undefined ? error.name : ERROR_TITLES[error.kind];
  const severity: Severity = error.kind === 'limit' ? 'warning' : 'error';
  return {
    severity,
    source: error.kind,
    title,
    message: error.message,
    line: error.line,
    column: error.column,
    spans: [],
    moreSpans: 0,
  };
}

/** The spans a finding names (span ids, or `traceId/spanId`), those in the run. */
function findingSpans(index: RunIndex, names: readonly string[]): IndexedSpan[] {
  const found: IndexedSpan[] = [];
  for (const name of names) {
    const slash = name.indexOf('/');
    const entry =
      slash > 0 ? index.find({ traceId: name.slice(0, slash), spanId: name.slice(slash + 1) }) : index.findSpanId(name);
    if (entry !== undefined && !found.includes(entry)) found.push(entry);
  }
  return found;
}

function dropped(index: RunIndex, result: RunResult): Problem[] {
  const problems: Problem[] = [];
  const { spansDropped, spansStarted, consoleDropped } = result.stats;
  // A span budget that was hit says so itself, with these counts.
  if (spansDropped > 0 && !result.limits.some((hit) => hit.limit === 'span-count')) {
    const message = `${formatCount(spansDropped)} of ${formatCount(spansStarted)} spans started were dropped; the ${plural(result.spans.length, 'span')} kept are shown.`;
    problems.push({ severity: 'warning', source: 'dropped', title: 'Spans dropped', message, spans: [], moreSpans: 0 });
  }
  if (consoleDropped > 0) {
    const message = `${plural(consoleDropped, 'console line')} dropped by the console cap.`;
    problems.push({
      severity: 'info',
      source: 'dropped',
      title: 'Console lines dropped',
      message,
      spans: [],
      moreSpans: 0,
    });
  }
  for (const part of ['attributes', 'events', 'links'] as const) {
    const spans = index.spans.filter((entry) => entry.span.dropped[part] > 0);
    if (spans.length === 0) continue;
    const total = spans.reduce((sum, entry) => sum + entry.span.dropped[part], 0);
    const message = `${plural(spans.length, 'span')} dropped ${plural(total, part.slice(0, -1), part)} in all (the SDK's span limits).`;
    problems.push({ severity: 'warning', source: 'dropped', title: `Dropped ${part}`, message, ...listed(spans) });
  }
  return problems;
}

/**
 * Everything wrong with a run, most serious first: errors (with their line and column), limits
 * hit, the checks' findings, spans never ended, and whatever was dropped.
 */
export function collectProblems(result: RunResult, index: RunIndex, findings: readonly Finding[] = []): Problem[] {
  const problems: Problem[] = result.errors.map(fromError);
  for (const hit of result.limits) {
    const { spansDropped, spansStarted } = result.stats;
    const counts =
      hit.limit === 'span-count' && spansDropped > 0
        ? ` ${formatCount(spansDropped)} of ${formatCount(spansStarted)} spans started were dropped; ${plural(result.spans.length, 'span')} are shown.`
        : ' The spans that ended before it are shown.';
    const message = `${hit.message}${counts}`;
    problems.push({
      severity: 'warning',
      source: 'limit-hit',
      title: `Limit: ${hit.limit}`,
      message,
      line: hit.line,
      column: hit.column,
      spans: [],
      moreSpans: 0,
    });
  }
  for (const finding of findings) {
    const { rule, severity, message, lesson } = finding;
    problems.push({
      severity,
      source: 'finding',
      title: rule,
      message,
      lesson,
      ...listed(findingSpans(index, finding.spans)),
    });
  }
  const open = index.spans.filter((entry) => entry.span.end === null);
  if (open.length > 0) {
    const message = `${plural(open.length, 'span was', 'spans were')} started and never ended: drawn open to the end of their trace.`;
    problems.push({ severity: 'warning', source: 'never-ended', title: 'Never ended', message, ...listed(open) });
  }
  problems.push(...dropped(index, result));
  // Stable: within a severity, errors, limits, findings, open spans and drops keep that order.
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort((a, b) => RANK[a.problem.severity] - RANK[b.problem.severity] || a.i - b.i)
    .map(({ problem }) => problem);
}

/** How the linter flags a span in the diagrams: its worst severity and the rules that name it. */
export interface SpanFlag {
  severity: Severity;
  rules: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The spans the linter's findings name, keyed by span key, for the diagrams to mark. */
export function flaggedSpans(problems: readonly Problem[]): Map<string, SpanFlag> {
  const flags = new Map<string, SpanFlag>();
  for (const problem of problems) {
    if (problem.source !== 'finding') continue;
    for (const span of problem.spans) {
      const flag = flags.get(span.key) ?? { severity: problem.severity, rules: [] };
      if (SEVERITY_RANK[problem.severity] > SEVERITY_RANK[flag.severity]) flag.severity = problem.severity;
      if (!flag.rules.includes(problem.title)) flag.rules.push(problem.title);
      flags.set(span.key, flag);
    }
  }
  return flags;
}

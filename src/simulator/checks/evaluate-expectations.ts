/** Evaluates expectations on a run's spans: one verdict each, in words a learner understands. */
import type { SpanRecord } from '../trace/model.ts';
import { describeExpectation } from './describe-expectation.ts';
import type { Expectation, ExpectationVerdict, SpanFault, SpanSelector } from './expectation-schema.ts';
import { spanProblems } from './span-checks.ts';
import { describeSelector, joinWords, selects } from './span-selector.ts';
import { TraceIndex } from './TraceIndex.ts';

// How many distinct span names a message lists when nothing matched.
const NAMES_SHOWN = 6;

// Most traces a message names with their short ids; more are named by number alone.
const MAX_TRACES_NAMED = 3;

function nothingFound(index: TraceIndex, subject: string): string {
  const names = [...new Set(index.spans.map((s) => s.name))];
  if (names.length === 0) return `the run has no spans, so no span matches ${subject}`;
  const shown = names.slice(0, NAMES_SHOWN).map((n) => `\`${n}\``);
  const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
  return `no span matches ${subject}; the run has ${joinWords(shown)}${more}`;
}

function traceProblems(index: TraceIndex, e: Expectation, selected: readonly SpanRecord[]): string[] {
  const subject = e.span === '*' ? '' : ` ${describeSelector(e.span)}`;
  const byTrace = new Map<string, number>();
  for (const span of selected) byTrace.set(span.traceId, (byTrace.get(span.traceId) ?? 0) + 1);
  if (e.traces === 'same' && byTrace.size > 1) {
    // Past a few, the numbers the waterfall titles them with are enough.
    const traces = [...byTrace.keys()];
    const labels =
      traces.length <= MAX_TRACES_NAMED
        ? traces.map((t) => index.traceLabel(t))
        : [`traces ${joinWords(traces.map((t) => String(index.traceNumber(t))))}`];
    return [`the${subject} spans are in ${byTrace.size} traces, not one: ${joinWords(labels)}`];
  }
  if (e.traces === 'separate') {
    const shared = [...byTrace].find(([, n]) => n > 1);
    if (shared) return [`${shared[1]}${subject} spans share ${index.traceLabel(shared[0])}`];
  }
  return [];
}

/** What the sampler dropped of the spans `subject` selects, when it dropped some: said beside a count that fell short. */
function droppedNote(dropped: number, subject: string, kept: number): string {
  if (dropped === 0) return '';
  if (kept > 0) return `the sampler dropped ${dropped} more`;
  const which = dropped === 1 ? `the ${subject} span` : `all ${dropped} ${subject} spans`;
  return `the sampler dropped ${which} the run started, so none was kept`;
}

/** A fault's key in the set of faults said. */
const faultKey = ({ traceId, spanId, fault }: SpanFault): string => `${traceId}/${spanId}/${fault}`;

/**
 * One expectation's verdict. `said` holds the faults earlier verdicts reported, as `faultKey`s: a
 * verdict that finds only those points to them instead of saying them again.
 */
function evaluate(
  index: TraceIndex,
  e: Expectation,
  notKept: readonly SpanRecord[],
  said: Set<string>,
): ExpectationVerdict {
  const description = describeExpectation(e);
  const subject = describeSelector(e.span);
  const selected = index.spans.filter((span) => selects(e.span, span));
  const problems: string[] = [];
  // A span the run started and the sampler dropped is not "missing": say so, in the views' words.
  const dropped =
    e.count === undefined || selected.length < e.count ? notKept.filter((span) => selects(e.span, span)).length : 0;
  const note = droppedNote(dropped, subject, selected.length);
  if (e.count !== undefined && selected.length !== e.count) {
    const expected = `(expected ${e.count}${dropped > 0 ? ' kept' : ''})`;
    problems.push(
      selected.length === 0
        ? `${note === '' ? nothingFound(index, subject) : note} ${expected}`
        : `found ${selected.length} span${selected.length === 1 ? '' : 's'} matching ${subject}, not ${e.count}${note === '' ? '' : `: ${note}`}`,
    );
  } else if (e.count === undefined && selected.length === 0) {
    problems.push(note === '' ? nothingFound(index, subject) : note);
  }
  problems.push(...traceProblems(index, e, selected));

  const failing = selected
    .map((span) => ({ span, found: spanProblems(index, e, span) }))
    .filter(({ found }) => found.length > 0);
  const faults = failing.flatMap(({ span, found }) =>
    found.map(({ fault }): SpanFault => ({ traceId: span.traceId, spanId: span.spanId, fault })),
  );
  const first = failing[0];
  if (first) {
    const others = failing.length - 1;
    const more = others > 0 ? ` (and ${others} more of the ${selected.length} selected spans fail)` : '';
    // Every fault an earlier check already reports: point to it rather than say it again.
    const spanFaultsOnly = problems.length === 0;
    const names = failing.map(({ span }) => index.distinctLabel(span));
    if (spanFaultsOnly && faults.every((f) => said.has(faultKey(f)))) {
      problems.push(`the same fault as the check above, in ${joinWords(names)}`);
    } else problems.push(`${index.distinctLabel(first.span)} ${first.found.map((p) => p.text).join('; ')}${more}`);
  }
  for (const fault of faults) said.add(faultKey(fault));
  const verdict = { description, passed: problems.length === 0, message: problems.join('; ') };
  return faults.length > 0 ? { ...verdict, faults } : verdict;
}

/** The attribute keys the expectations select spans by: they tell same-named spans apart in messages. */
function tellingKeys(expectations: readonly Expectation[]): string[] {
  const keys = new Set<string>();
  const add = (selector: SpanSelector | undefined): void => {
    if (selector !== undefined && typeof selector !== 'string')
      for (const key of Object.keys(selector.where ?? {})) keys.add(key);
  };
  for (const e of expectations) {
    add(e.span);
    add(e.parent);
    const to = e.links?.to;
    for (const selector of Array.isArray(to) ? to : [to]) add(selector);
  }
  return [...keys];
}

/**
 * One verdict per expectation, in order: passed, or what was found instead, each fault said once
 * (a later verdict that finds only faults an earlier one reports points to it). `notKept` (the
 * run's `unsampledSpans`) only explains a missing span: one the sampler dropped is said to be dropped.
 */
export function evaluateExpectations(
  spans: readonly SpanRecord[],
  expectations: readonly Expectation[],
  notKept: readonly SpanRecord[] = [],
): ExpectationVerdict[] {
  const index = new TraceIndex(spans, { notKept, tellingKeys: tellingKeys(expectations) });
  const said = new Set<string>();
  return expectations.map((expectation) => evaluate(index, expectation, notKept, said));
}

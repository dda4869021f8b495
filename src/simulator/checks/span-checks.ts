/** The checks an expectation makes on one selected span, each failure as a phrase saying what was found. */
import type { SpanRecord } from '../trace/model.ts';
import type { Expectation, Fault, LinkCheck } from './expectation-schema.ts';
import { attributeProblems, describeSelector, selects } from './span-selector.ts';
import type { TraceIndex } from './TraceIndex.ts';
import { shortId } from '../views/span-label.ts';

const plural = (n: number, word: string): string => (n === 0 ? `no ${word}s` : `${n} ${word}${n === 1 ? '' : 's'}`);

/** One thing wrong with a span: the kind of fault, and a phrase saying what was found (it follows the span's name). */
export interface SpanProblem {
  fault: Fault;
  text: string;
}

const as = (fault: Fault, texts: readonly string[]): SpanProblem[] => texts.map((text) => ({ fault, text }));

function parentTexts(index: TraceIndex, e: Expectation, span: SpanRecord): string[] {
  const parent = index.parent(span);
  const remote = span.parentSpanId !== null && parent === undefined;
  // Messages name the span with distinctLabel: when that already gives its trace, do not repeat it.
  const rootOf =
    index.distinctLabel(span) !== index.label(span) ? 'a root' : `the root of ${index.traceLabel(span.traceId)}`;
  if (e.root === true && span.parentSpanId !== null) {
    return [
      parent
        ? `is a child of ${index.label(parent, true)}, not a root`
        : `has a parent (span ${span.parentSpanId.slice(0, 8)}…) that is not in this run, so it is not a root`,
    ];
  }
  if (e.root === false && span.parentSpanId === null) return [`is ${rootOf}, not a child`];
  if (e.parent === undefined) return [];
  const wanted = describeSelector(e.parent);
  if (span.parentSpanId === null) return [`is ${rootOf}, not a child of ${wanted}`];
  if (remote) return [`has a parent (span ${span.parentSpanId.slice(0, 8)}…) that is not in this run, not ${wanted}`];
  return parent && !selects(e.parent, parent) ? [`is a child of ${index.label(parent, true)}, not of ${wanted}`] : [];
}

function parentProblems(index: TraceIndex, e: Expectation, span: SpanRecord): SpanProblem[] {
  return as(e.root === true ? 'root' : 'parent', parentTexts(index, e, span));
}

function intoProblems(index: TraceIndex, check: LinkCheck, span: SpanRecord): string[] {
  const own = index.traceLabel(span.traceId);
  for (const [i, link] of span.links.entries()) {
    const inOwn = link.traceId === span.traceId;
    if (check.into === 'own-trace' && !inOwn) {
      return [`has link ${i + 1} pointing into ${index.traceLabel(link.traceId)}, not into its own, ${own}`];
    }
    if (check.into !== 'own-trace' && check.into !== undefined && inOwn) {
      return [`has link ${i + 1} pointing into its own trace, ${own}`];
    }
    const earlier = span.links.findIndex((other) => other.traceId === link.traceId);
    if (check.into === 'separate-traces' && earlier < i) {
      return [`has links ${earlier + 1} and ${i + 1} both pointing into ${index.traceLabel(link.traceId)}`];
    }
  }
  return [];
}

function linkProblems(index: TraceIndex, check: LinkCheck, span: SpanRecord): SpanProblem[] {
  const { links } = span;
  if (check.count !== undefined && links.length !== check.count) {
    return as('links', [`has ${plural(links.length, 'link')}, not ${check.count}`]);
  }
  if (check.count === undefined && links.length === 0) return as('links', ['has no links']);
  // A list of targets is ordered: link i must point to what entry i selects.
  if (Array.isArray(check.to) && links.length !== check.to.length) {
    return as('links', [`has ${plural(links.length, 'link')}, not ${check.to.length}`]);
  }
  const problems = as('link-into', intoProblems(index, check, span));
  // When every link has the same fault, say so once: "link 1" would read as if the others were fine.
  const wantedAttributes = check.attributes;
  const missingAll =
    wantedAttributes !== undefined && links.length > 1
      ? attributeProblems(wantedAttributes, links[0]?.attributes ?? {}).filter((phrase) =>
          links.every((link) => attributeProblems(wantedAttributes, link.attributes).includes(phrase)),
        )
      : [];
  if (missingAll.length > 0)
    problems.push({ fault: 'link-attributes', text: `has ${links.length} links, each with ${missingAll.join(', ')}` });
  const lateAll = check.atStart === true && links.length > 1 && links.every((link) => link.addedAfterStart === true);
  if (lateAll) {
    problems.push({
      fault: 'links-at-start',
      text: `has all ${links.length} links added after it started (addLink or addLinks), none given at its start`,
    });
  }
  for (const [i, link] of links.entries()) {
    const target = index.linkTarget(link);
    const to = target
      ? index.label(target, true)
      : `span ${link.spanId.slice(0, 8)}… in ${index.traceLabel(link.traceId)}`;
    const wanted = Array.isArray(check.to) ? check.to[i] : check.to;
    const dropped = target ? undefined : index.notKeptTarget(link);
    if (wanted !== undefined && dropped) {
      problems.push({
        fault: 'link-target',
        text: `has link ${i + 1} pointing to \`${dropped.name}\`, which the sampler did not keep`,
      });
    } else if (wanted !== undefined && !target) {
      // The trace's label may already say it is not in the run.
      const where = `span ${link.spanId.slice(0, 8)}… in trace ${shortId(link.traceId)}`;
      problems.push({ fault: 'link-target', text: `has link ${i + 1} pointing to ${where}, which is not in this run` });
    } else if (wanted !== undefined && target && !selects(wanted, target)) {
      problems.push({
        fault: 'link-target',
        text: `has link ${i + 1} pointing to ${to}, not to ${describeSelector(wanted)}`,
      });
    }
    const missing = check.attributes === undefined ? [] : attributeProblems(check.attributes, link.attributes);
    if (missing.length > 0 && missingAll.length === 0) {
      problems.push({ fault: 'link-attributes', text: `has link ${i + 1}, to ${to}, with ${missing.join(', ')}` });
    }
    if (check.atStart === true && link.addedAfterStart === true && !lateAll) {
      problems.push({
        fault: 'links-at-start',
        text: `has link ${i + 1}, to ${to}, added after it started (addLink or addLinks), not given at its start`,
      });
    }
    if (problems.length > 0) break;
  }
  return problems;
}

/** What is wrong with one selected span, each as a fault and a phrase that follows its name; empty when it passes. */
export function spanProblems(index: TraceIndex, e: Expectation, span: SpanRecord): SpanProblem[] {
  const problems = parentProblems(index, e, span);
  if (e.kind !== undefined && span.kind !== e.kind)
    problems.push({ fault: 'kind', text: `has kind ${span.kind}, not ${e.kind}` });
  if (e.ended === true && span.end === null) problems.push({ fault: 'ended', text: 'was never ended' });
  if (e.ended === false && span.end !== null) problems.push({ fault: 'ended', text: 'was ended' });
  if (e.status !== undefined && span.status.code !== e.status) {
    problems.push({ fault: 'status', text: `has status ${span.status.code}, not ${e.status}` });
  }
  if (e.attributes !== undefined) {
    const missing = attributeProblems(e.attributes, span.attributes);
    if (missing.length > 0) problems.push({ fault: 'attributes', text: `has ${missing.join(', ')}` });
  }
  if (e.links !== undefined) problems.push(...linkProblems(index, e.links, span));
  return problems;
}

/** What a lint rule is and what it reports. */
import type { SpanRecord } from '../../trace/model.ts';
import type { TraceIndex } from '../TraceIndex.ts';
import type { RuleId } from './rule-ids.ts';

/** How much a finding matters: `error` breaks what a trace tells, `warning` likely misleads, `info` is worth a look. */
export type Severity = 'error' | 'warning' | 'info';

/** One thing the linter found in a trace. */
export interface Finding {
  /** The rule's id, kebab-case. */
  rule: RuleId;
  severity: Severity;
  /** One line naming the spans, saying what is wrong and what to do. */
  message: string;
  /** The ids of the spans involved, the span the finding is about first. */
  spans: string[];
  /** The lesson section that explains the rule: `/lessons/<slug>/#<section>`. */
  lesson: string;
}

/** What a rule's check returns for each problem: the message and the spans involved. */
export interface RuleHit {
  message: string;
  spans: readonly SpanRecord[];
}

/** A lint rule: an id, a severity, the lesson that explains it, and a check over a run's spans. */
export interface LintRule {
  id: RuleId;
  severity: Severity;
  /** One line: what the rule looks for (the README's list). */
  summary: string;
  /** The lesson section that explains it. */
  lesson: string;
  check(index: TraceIndex): RuleHit[];
}

/** The lesson section of a rule: a section named after it in the best-practices lesson. */
export function lessonFor(id: RuleId): string {
  return `/lessons/best-practices/#${id}`;
}

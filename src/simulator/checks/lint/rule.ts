/** What a lint rule is and what it reports. */
import type { SpanRecord } from '../../trace/model.ts';
import type { TraceIndex } from '../TraceIndex.ts';
import type { RuleId } from './all-rules.ts';

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
  /** Where the rule is explained, when the host gave `lintTrace` a `docsUrl` (the engine knows rules, not pages). */
  docs?: string;
}

/** Where a host documents each rule (the site: a lesson section), for `lintTrace`'s `docsUrl`. */
export type RuleDocsUrl = (rule: RuleId) => string;

/** What a rule's check returns for each problem: the message and the spans involved. */
export interface RuleHit {
  message: string;
  spans: readonly SpanRecord[];
}

/** A lint rule: an id, a severity, a one-line summary, and a check over a run's spans. */
export interface LintRule<Id extends string = RuleId> {
  /** Kebab-case, the name of the rule's file in `rules/` and of its section in the docs. */
  id: Id;
  severity: Severity;
  /** One line: what the rule looks for (the README's list). */
  summary: string;
  check(index: TraceIndex): RuleHit[];
}

/** A rule, keeping its id as a literal type: `RuleId` is derived from the registered rules' ids. */
export function defineRule<const Id extends string>(rule: LintRule<Id>): LintRule<Id> {
  return rule;
}

/** Which lint findings say again what a failing expectation already says, so a report can say each fault once. */
import type { ExpectationVerdict, Fault } from './expectation-schema.ts';
import type { RuleId } from './lint/all-rules.ts';
import type { Finding } from './lint/rule.ts';

/**
 * The expectation faults each rule reports in its own words: a finding of the rule about a span
 * an expectation already fails for one of these names the same fault. Rules not here (or a fault
 * not here) tell the learner something the expectations do not, and are never folded.
 */
const RESTATED: Partial<Record<RuleId, readonly Fault[]>> = {
  'span-not-ended': ['ended'],
  'link-added-after-start': ['links-at-start'],
  'link-without-attributes': ['link-attributes'],
  'batch-without-links': ['links'],
  'batch-parented-to-producer': ['root'],
  'retry-nested': ['root', 'parent'],
  'compensation-under-failed-step': ['parent'],
  'consumer-without-origin': ['parent', 'links'],
};

/**
 * The index of the first failing verdict that reports the fault `finding` names, on the span it
 * is about (its first span); -1 when none does and the finding says something of its own.
 */
export function restatedBy(finding: Finding, verdicts: readonly ExpectationVerdict[]): number {
  const faults = RESTATED[finding.rule] ?? [];
  const subject = finding.spans[0];
  if (faults.length === 0 || subject === undefined) return -1;
  return verdicts.findIndex(
    (verdict) =>
      !verdict.passed && (verdict.faults ?? []).some((f) => f.spanId === subject && faults.includes(f.fault)),
  );
}

/** Where the course explains each lint rule: the engine knows rules, the site knows its pages. */
import { lintTrace, type Finding, type RuleId, type SpanRecord } from '@spanlab/engine';

/** The page that explains every lint rule, one section each. */
export const RULE_REFERENCE_PATH = '/reference/lint-rules/';

/** A rule's section of the rule reference, its anchor the rule's id; `lintTrace`'s `docsUrl`. */
export function ruleDocsPath(rule: RuleId): string {
  return `${RULE_REFERENCE_PATH}#${rule}`;
}

/** The linter's findings as the site shows them: each with the reference section that explains its rule. */
export function lintWithDocs(spans: readonly SpanRecord[]): Finding[] {
  return lintTrace(spans, { docsUrl: ruleDocsPath });
}

/** Where the course explains each lint rule: the engine knows rules, the site knows its pages. */
import { lintTrace, type Finding, type RuleId, type SpanRecord } from '@spanlab/engine';

/** A rule's section of the best-practices lesson, named after the rule; `lintTrace`'s `docsUrl`. */
export function ruleLessonPath(rule: RuleId): string {
  return `/lessons/best-practices/#${rule}`;
}

/** The linter's findings as the site shows them: each with the lesson section that explains its rule. */
export function lintWithDocs(spans: readonly SpanRecord[]): Finding[] {
  return lintTrace(spans, { docsUrl: ruleLessonPath });
}

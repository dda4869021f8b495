/** Where the course explains each lint rule: the engine knows rules, the site knows its pages. */
import type { RuleId } from '@spanlab/engine';

/** A rule's section of the best-practices lesson, named after the rule; `lintTrace`'s `docsUrl`. */
export function ruleLessonPath(rule: RuleId): string {
  return `/lessons/best-practices/#${rule}`;
}

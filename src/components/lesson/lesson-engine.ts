/**
 * What a lesson's scenarios and exercises need once the reader runs one: the sandboxed runner
 * and the checks. One chunk, loaded on first use, so the page ships none of it up front.
 */
export { SandboxRunner } from '../playground/SandboxRunner.ts';
import { ruleLessonPath } from '../../course/rule-docs.ts';
import { lintTrace as lintWith, type Finding, type SpanRecord } from '@spanlab/engine';

export { describeExpectation, evaluateExpectations } from '@spanlab/engine';

/** The linter's findings, each with the lesson section that explains its rule. */
export function lintTrace(spans: readonly SpanRecord[]): Finding[] {
  return lintWith(spans, { docsUrl: ruleLessonPath });
}

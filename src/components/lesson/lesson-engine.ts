/**
 * What a lesson's scenarios and exercises need once the reader runs one: the sandboxed runner
 * and the checks. One chunk, loaded on first use, so the page ships none of it up front.
 */
export { SandboxRunner } from '../playground/SandboxRunner.ts';
export { lintWithDocs } from '../../course/rule-docs.ts';
export { describeExpectation, evaluateExpectations } from '@spanlab/engine';

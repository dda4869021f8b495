/** Helpers for tests and the bench: runs of the course's scenarios, compact trace shapes, the linter's corpus score, OTLP files in canonical form. */
export { runScenarioFile, traceShape } from './trace-shape.ts';
export type { SpanShape } from './trace-shape.ts';
export { scoreCorpus } from '../checks/lint/corpus/score.ts';
export type { CaseScore, CorpusScore } from '../checks/lint/corpus/score.ts';
export { canonical as canonicalOtlpSpans } from './otlp-canonical.ts';

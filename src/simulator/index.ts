/** The engine's public surface (`@spanlab/engine`): outside the engine, only this and the other entry points of package.json are imported. */
export { describeExpectation } from './checks/describe-expectation.ts';
export { evaluateExpectations } from './checks/evaluate-expectations.ts';
export { expectationSchema, expectationsSchema } from './checks/expectation-schema.ts';
export type {
  AttributeCheck,
  Expectation,
  ExpectationVerdict,
  Fault,
  LinkCheck,
  SpanFault,
  SpanSelector,
} from './checks/expectation-schema.ts';
export { LINT_RULES, RULE_IDS } from './checks/lint/all-rules.ts';
export type { RuleId } from './checks/lint/all-rules.ts';
export { lintTrace } from './checks/lint/lint-trace.ts';
export type { LintOptions } from './checks/lint/lint-trace.ts';
export type { Finding, LintRule, RuleDocsUrl, Severity } from './checks/lint/rule.ts';
export { formatIssues } from './checks/format-issues.ts';
export { restatedBy } from './checks/restated-faults.ts';
export { joinWords } from './checks/span-selector.ts';
export { parseSidecar, sidecarSchema } from './checks/sidecar.ts';
export { compileScenario, SCENARIO_MODULES } from './compile/transpile.ts';
export type { CompiledScenario, CompileOutcome } from './compile/transpile.ts';
export { precompileScenario } from './compile/precompile.ts';
export { sourceKey } from './compile/source-key.ts';
export type { PrecompiledScenario } from './compile/source-key.ts';
export { executeScenario } from './runtime/execute-scenario.ts';
export type { RunnerHost } from './runtime/execute-scenario.ts';
export { DEFAULT_RUN_OPTIONS, wallClockMessage } from './runtime/protocol.ts';
export type { RunEvent, RunOptions } from './runtime/protocol.ts';
export { RunAccumulator } from './runtime/RunAccumulator.ts';
export { CONTEXT_MODES } from './runtime/SandboxContextManager.ts';
export type { ContextMode } from './runtime/SandboxContextManager.ts';
export { parseSamplerSpec, SAMPLER_EXAMPLES, SAMPLER_SPEC_HELP } from './runtime/sampler-spec.ts';
export type { ParsedSamplerSpec, SamplerSpec } from './runtime/sampler-spec.ts';
export { EPOCH_MS } from './runtime/epoch.ts';
export { danglingLinks, danglingTargets, withNotKept } from './trace/dangling-links.ts';
export type { DanglingLink, DanglingReason, DanglingTarget, RunSpans } from './trace/dangling-links.ts';
export { groupByTrace, spanDuration } from './trace/model.ts';
export type {
  AttributeValue,
  Attributes,
  ConsoleEntry,
  LimitHit,
  LimitName,
  RunError,
  RunResult,
  RunStats,
  SpanEventRecord,
  SpanKindName,
  SpanLinkRecord,
  SpanRecord,
  SpanStatusRecord,
} from './trace/model.ts';
export { runResultSchema } from './trace/run-schema.ts';
export { spanKey } from './trace/span-key.ts';
export { toOtlpJson, toOtlpJsonText } from './trace/otlp-export.ts';
export type { OtlpExport, OtlpExportText } from './trace/otlp-export.ts';
export { fromOtlpJson, looksLikeTraceFile, OTLP_IMPORT_MAX_BYTES, TRACE_FORMAT_NAMES } from './trace/otlp-import.ts';
export type { OtlpImportResult, TraceFileFormat } from './trace/otlp-import.ts';
export { buildLinkGraph, toLinkGraph } from './views/link-graph.ts';
export { flowchartLabel } from './views/mermaid-escape.ts';
export type { LinkGraph } from './views/link-graph.ts';
export type { MermaidChart } from './views/mermaid-chart.ts';
export { treeOrder } from './views/span-tree.ts';
export type { PlacedSpan } from './views/span-tree.ts';
export { danglingMark, danglingText, shortId, traceName } from './views/span-label.ts';
export { toSummary } from './views/summary.ts';
export { traceNumbers } from './views/trace-numbers.ts';
export { buildWaterfall, tickStep, toWaterfall } from './views/waterfall.ts';
export { treeGuides } from './views/tree-guides.ts';
export type { RunWaterfall, WaterfallSection } from './views/waterfall.ts';

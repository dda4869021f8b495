/** The engine's public surface: components and pages import only from here. */
export { compileScenario, SCENARIO_MODULES } from './compile/transpile.ts';
export type { CompiledScenario, CompileOutcome } from './compile/transpile.ts';
export { executeScenario } from './runtime/execute-scenario.ts';
export type { RunnerHost } from './runtime/execute-scenario.ts';
export { DEFAULT_RUN_OPTIONS, wallClockMessage } from './runtime/protocol.ts';
export type { RunEvent, RunOptions } from './runtime/protocol.ts';
export { RunAccumulator } from './runtime/RunAccumulator.ts';
export { EPOCH_MS } from './runtime/VirtualClock.ts';
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
export { toOtlpJson, toOtlpJsonText } from './trace/otlp-export.ts';
export type { OtlpExport, OtlpExportText } from './trace/otlp-export.ts';
export { fromOtlpJson, OTLP_IMPORT_MAX_BYTES } from './trace/otlp-import.ts';
export type { OtlpImportResult } from './trace/otlp-import.ts';
export { buildLinkGraph, toLinkGraph } from './views/link-graph.ts';
export type { LinkGraph } from './views/link-graph.ts';
export type { MermaidChart } from './views/mermaid-chart.ts';
export { toSummary } from './views/summary.ts';
export { buildWaterfalls, toWaterfall } from './views/waterfall.ts';
export type { TraceWaterfall } from './views/waterfall.ts';

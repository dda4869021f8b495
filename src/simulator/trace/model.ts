/** The plain-JSON trace model every part of Span Lab reads: runs, views, checks and OTLP files. */
import type { ContextMode } from '../runtime/SandboxContextManager.ts';
import type { SamplerSpec } from '../runtime/sampler-spec.ts';
import type { OtlpKeyValue } from './otlp-types.ts';

/** A span's kind, as the OpenTelemetry API names them, lower-cased. */
export type SpanKindName = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** One attribute value, as OpenTelemetry allows it (homogeneous arrays of primitives). */
export type AttributeValue = string | number | boolean | Array<string | number | boolean | null>;

/** A set of attributes, keyed by name. */
export type Attributes = Record<string, AttributeValue>;

/** A span's status: unset, ok, or error with an optional description. */
export interface SpanStatusRecord {
  code: 'unset' | 'ok' | 'error';
  message?: string;
}

/** A timestamped event recorded on a span (exceptions are events named `exception`). */
export interface SpanEventRecord {
  name: string;
  /** Unix time in milliseconds. */
  time: number;
  attributes: Attributes;
}

/** A link from a span to another span, possibly in another trace. */
export interface SpanLinkRecord {
  traceId: string;
  spanId: string;
  attributes: Attributes;
  /** True when the link was added with addLink/addLinks after the span started (samplers never saw it). Only Span Lab's own runs know. */
  addedAfterStart?: boolean;
  /** False when the linked context's trace flags do not say sampled (its span was not recorded); absent, they do. */
  sampled?: false;
}

/** How much the SDK's span limits dropped from a span. */
export interface DroppedCounts {
  attributes: number;
  events: number;
  links: number;
}

/** One span, as recorded by the SDK and converted to plain JSON. */
export interface SpanRecord {
  /** 32 lower-case hex digits. */
  traceId: string;
  /** 16 lower-case hex digits. */
  spanId: string;
  /** The parent's span id (the parent may be remote or missing from the trace), or null for a root. */
  parentSpanId: string | null;
  name: string;
  kind: SpanKindName;
  /** The `service.name` of the span's resource. */
  service: string;
  /** The instrumentation scope (the tracer's name and version). */
  scope: { name: string; version?: string };
  /** Unix time in milliseconds. */
  start: number;
  /** Unix time in milliseconds, or null when the span was never ended. */
  end: number | null;
  attributes: Attributes;
  events: SpanEventRecord[];
  links: SpanLinkRecord[];
  status: SpanStatusRecord;
  dropped: DroppedCounts;
  /** The resource's attributes, `service.name` among them. */
  resource: Attributes;
  /**
   * `false` for a span the run's head sampler did not sample: recorded so the views can show it
   * (greyed), never exported, queried or linted — no backend would have received it. Absent for
   * sampled spans and for every span read from a file (a backend received those).
   */
  sampled?: false;
  /**
   * What a trace file said exactly, for spans read from one: nanosecond times, every OTLP field
   * and value type. The fields above are derived from it for the views and checks; exporting the
   * span writes this back. Spans of a run have none (their export is what the SDK serializes).
   */
  exact?: SpanExact;
}

/** A resource exactly as a trace file gave it (shared by its spans). */
export interface ExactResource {
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  /** The `schemaUrl` of its `resourceSpans`. */
  schemaUrl?: string;
}

/** An instrumentation scope exactly as a trace file gave it (shared by its spans). */
export interface ExactScope {
  name: string;
  version?: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  /** The `schemaUrl` of its `scopeSpans`. */
  schemaUrl?: string;
}

/** A span's OTLP fields exactly as a trace file gave them; ids, name, status and dropped counts are the model's. */
export interface SpanExact {
  /** Unix nanoseconds as a decimal string. */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  /** The OTLP kind number as given (0 unspecified, which the model reads as internal). */
  kind: number;
  traceState?: string;
  /** W3C trace flags in bits 0–7, bits 8–9 "parent is remote", as given. */
  flags?: number;
  /** The parent span id as given, when the model's differs (a span named as its own parent is a root). */
  parentSpanId?: string;
  attributes: OtlpKeyValue[];
  /** One per event of the model, in order. */
  events: Array<{ timeUnixNano: string; attributes: OtlpKeyValue[]; droppedAttributesCount: number }>;
  /** One per link of the model, in order. */
  links: Array<{ traceState?: string; flags?: number; attributes: OtlpKeyValue[]; droppedAttributesCount: number }>;
  resource: ExactResource;
  scope: ExactScope;
}

/** One line the scenario wrote to its console, or a warning the SDK or the engine raised. */
export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
  /** Virtual unix time in milliseconds when it was written. */
  time: number;
  /** Where in the scenario it was written, when known. */
  line?: number;
  column?: number;
}

/** What went wrong in a run, with the scenario's own line and column when known. */
export interface RunError {
  kind: 'compile' | 'runtime' | 'unhandled-rejection' | 'limit' | 'crash';
  message: string;
  /** The error's name (TypeError, RangeError, …) for thrown errors. */
  name?: string;
  /** 1-based line in the scenario's TypeScript source. */
  line?: number;
  /** 1-based column in the scenario's TypeScript source. */
  column?: number;
}

/** The limits a run can hit. */
export type LimitName = 'wall-clock' | 'virtual-time' | 'span-count' | 'console';

/** A limit the run hit, and what it did about it. */
export interface LimitHit {
  limit: LimitName;
  message: string;
  /** Where in the scenario the run was when the limit stopped it, when known. */
  line?: number;
  column?: number;
}

/** Counts and times about a run: spansStarted = spansKept + spansUnsampled + spansDropped. */
export interface RunStats {
  /** Virtual milliseconds that passed in the run. */
  virtualMs: number;
  /** Wall-clock milliseconds the scenario ran for (engine time, excluding start-up). */
  wallMs: number;
  /** Spans started, kept or not. */
  spansStarted: number;
  /** Spans kept in the result's `spans` (ended or never ended): the sampled ones, what a backend receives. */
  spansKept: number;
  /** Spans the run's sampler did not sample (in `unsampledSpans`); absent in results from before sampling (none). */
  spansUnsampled?: number;
  /** Spans dropped because the span budget was reached. */
  spansDropped: number;
  /** Console lines dropped because the console cap was reached. */
  consoleDropped: number;
}

/**
 * Everything a run produced, as plain JSON. Later fields are optional, so a result stored by an
 * older version still reads: absent means the default (no span left unsampled, `async`, the
 * scenario's own sampler or always).
 */
export interface RunResult {
  /** The sampled spans in the order they started (what a backend receives); spans never ended have `end: null`. */
  spans: SpanRecord[];
  /** Spans the run's sampler did not sample (`sampled: false`), in the order they started; absent when there are none. */
  unsampledSpans?: SpanRecord[];
  /** The run's context mode, when not the default `async`. */
  context?: ContextMode;
  /** The run's sampler option (`ratio:0.5`, …), when one was given; absent: the scenario's exported `sampler`, else always. */
  sampler?: SamplerSpec;
  console: ConsoleEntry[];
  errors: RunError[];
  limits: LimitHit[];
  stats: RunStats;
  seed: number;
}

/** A span's duration in milliseconds, or null when it never ended (exact to the nanosecond for spans read from a file). */
export function spanDuration(span: SpanRecord): number | null {
  if (span.end === null) return null;
  if (span.exact) return Number(BigInt(span.exact.endTimeUnixNano) - BigInt(span.exact.startTimeUnixNano)) / 1e6;
  return span.end - span.start;
}

/** Spans grouped by trace id, traces in order of their first span. */
export function groupByTrace(spans: readonly SpanRecord[]): Map<string, SpanRecord[]> {
  const traces = new Map<string, SpanRecord[]>();
  for (const span of spans) {
    const list = traces.get(span.traceId);
    if (list) list.push(span);
    else traces.set(span.traceId, [span]);
  }
  return traces;
}

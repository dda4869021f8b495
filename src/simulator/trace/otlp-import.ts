/**
 * Trace files to spans: OTLP/JSON from this site, from an OpenTelemetry Collector's file exporter
 * (JSON Lines) and from tools using the protobuf JSON mapping; Tempo's and Jaeger's API answers;
 * Jaeger's own JSON and Zipkin v2 JSON, mapped as OpenTelemetry's translators map them. Every
 * span keeps what the file said exactly (`exact`). A bad span, or a last line cut short, costs only
 * itself, with a warning; a file that cannot be read gives one clear message. Nothing is thrown.
 */
import type { z } from 'zod';
import { jaegerToOtlp, looksLikeJaeger } from './jaeger-import.ts';
import type { AttributeValue, Attributes, ExactResource, ExactScope, SpanExact, SpanRecord } from './model.ts';
import { spanSchema, traceRequestSchema } from './otlp-import-schema.ts';
import type { ParsedSpan, ParsedTraceRequest } from './otlp-import-schema.ts';
import { describe } from './otlp-import-values.ts';
import { JsonTextError, parseJsonLines } from './otlp-json-text.ts';
import { looksLikeZipkin, zipkinToOtlp } from './zipkin-import.ts';
import { spanKey } from './span-key.ts';

/** The largest file `fromOtlpJson` opens: 50 MB. */
export const OTLP_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** Options for `fromOtlpJson`. */
export interface OtlpImportOptions {
  /** The largest input accepted, in bytes (UTF-16 code units for a string); 50 MB by default. */
  maxBytes?: number;
}

/** The trace file formats Span Lab reads, told apart by their content. */
export type TraceFileFormat = 'otlp-json' | 'otlp-json-lines' | 'tempo' | 'jaeger-api-v3' | 'jaeger-json' | 'zipkin-v2';

/** How each format is named in messages. */
export const TRACE_FORMAT_NAMES: Record<TraceFileFormat, string> = {
  'otlp-json': 'OTLP JSON',
  'otlp-json-lines': "OTLP JSON Lines (the collector's file exporter)",
  tempo: "Tempo's API JSON",
  'jaeger-api-v3': "Jaeger's api/v3 JSON",
  'jaeger-json': "Jaeger's own JSON (Jaeger UI's Download Results or Trace JSON)",
  'zipkin-v2': 'Zipkin v2 JSON',
};

/** The spans read from a file, or why it could not be read. */
export type OtlpImportResult =
  | {
      ok: true;
      /** Spans ordered by start time; spans starting together keep the file's order. */
      spans: SpanRecord[];
      /** Things worth telling the reader that did not stop the import (spans left out, a cut-off line, duplicates, no spans). */
      warnings: string[];
      /** The format read (the first document's, for a file of several). */
      format: TraceFileFormat;
    }
  | {
      ok: false;
      /** One sentence for the reader, naming what is wrong and where. */
      error: string;
      /** Every problem found (up to 20), each as `path: what is wrong`. */
      problems: string[];
      /** Where a JSON syntax error is, when that is the problem. */
      position?: { line: number; column: number };
    };

type Failure = Extract<OtlpImportResult, { ok: false }>;

const MAX_PROBLEMS = 20;
/** How many left-out spans are named one by one before the rest are counted. */
const MAX_NAMED = 10;
/** The service of spans whose resource has no `service.name`, as the OpenTelemetry SDKs name it. */
const UNKNOWN_SERVICE = 'unknown_service';

/** Reads a trace file (text or UTF-8 bytes): OTLP JSON or JSON Lines, Tempo's, Jaeger's or Zipkin's JSON. */
export function fromOtlpJson(input: string | Uint8Array, options: OtlpImportOptions = {}): OtlpImportResult {
  const maxBytes = options.maxBytes ?? OTLP_IMPORT_MAX_BYTES;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    return failure(
      `The file is too large (${megabytes(size)}); Span Lab opens trace files up to ${megabytes(maxBytes)}.`,
    );
  }
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeUtf8(input);
  if (text === null) return failure('The file is not UTF-8 text, so it is not OTLP JSON.');
  try {
    return readText(text);
  } catch (error) {
    if (error instanceof JsonTextError) {
      const message = `Not valid JSON at line ${error.line}, column ${error.column}: ${error.reason}.`;
      return { ...failure(message), position: { line: error.line, column: error.column } };
    }
    // Anything unforeseen (a stack overflow on a pathological file) still ends in a message.
    return failure(`Could not read the file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether a text looks like a trace file rather than code: its first character opens a JSON object or array. */
export function looksLikeTraceFile(text: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(text);
}

/** A document's spans, still to be read one by one, with where each sits. */
interface Batch {
  request: ParsedTraceRequest;
  /** `line N: ` for a file of several documents, else empty. */
  where: string;
  /** What the request's `resourceSpans` are called in the document (`result.resourceSpans` for api/v3, `batches` for Tempo). */
  root: string;
}

function readText(text: string): OtlpImportResult {
  if (text.trim() === '') return failure('The file is empty.');
  const { documents, cutOff, skipped = [] } = parseJsonLines(text);
  const batches: Batch[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  let format: TraceFileFormat | undefined;
  for (const { value, line } of documents) {
    const lines = documents.length > 1 || cutOff !== undefined || skipped.length > 0;
    const where = lines ? `line ${line}: ` : '';
    const read = readDocument(value);
    if (!read.ok) {
      problems.push(...read.problems.map((problem) => where + problem));
      continue;
    }
    format ??= read.format === 'otlp-json' && lines ? 'otlp-json-lines' : read.format;
    warnings.push(...read.warnings.map((warning) => where + warning));
    batches.push({ request: read.request, where, root: read.root });
  }
  if (problems.length > 0) {
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more ${plural(problems.length - 1, 'problem')})` : '';
    return {
      ok: false,
      error: `Not an OTLP trace file: ${problems[0] ?? ''}${more}.`,
      problems: problems.slice(0, MAX_PROBLEMS),
    };
  }
  warnings.unshift(
    ...skipped.map(
      (error) =>
        `Line ${error.line} is not valid JSON (column ${error.column}: ${error.reason}), as after a writer that stopped mid-line and went on; it was left out and the other lines were read.`,
    ),
  );
  if (cutOff) {
    warnings.unshift(
      `The last line (line ${cutOff.line}) is cut short, as in a file still being written, and was left out: at column ${cutOff.column}, ${cutOff.reason}.`,
    );
  }
  return toSpans(batches, warnings, format ?? 'otlp-json');
}

type DocumentRead =
  | { ok: true; request: ParsedTraceRequest; format: TraceFileFormat; root: string; warnings: string[] }
  | { ok: false; problems: string[] };

/** One JSON document as a request, whatever its format. */
function readDocument(value: unknown): DocumentRead {
  if (Array.isArray(value) && (value.length === 0 || looksLikeZipkin(value[0]))) {
    const converted = zipkinToOtlp(value);
    return converted.ok ? parseRequest(converted.request, 'zipkin-v2', 'resourceSpans', converted.warnings) : converted;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [`expected an object {"resourceSpans": […]}, got ${describe(value)}`] };
  }
  const object = value as Record<string, unknown>;
  if ('resourceSpans' in object) return parseRequest(object, 'otlp-json', 'resourceSpans', []);
  // Jaeger's query API (api/v3) wraps the request as {"result": {"resourceSpans": […]}}.
  const result = object['result'];
  if (result !== null && typeof result === 'object' && 'resourceSpans' in result) {
    return parseRequest(result, 'jaeger-api-v3', 'result.resourceSpans', []);
  }
  // Tempo's API answers {"batches": [ResourceSpans…]} (/api/traces) or {"trace": {"resourceSpans": […]}} (/api/v2/traces).
  if (Array.isArray(object['batches']))
    return parseRequest({ resourceSpans: object['batches'] }, 'tempo', 'batches', []);
  const trace = object['trace'];
  if (trace !== null && typeof trace === 'object' && 'resourceSpans' in trace) {
    return parseRequest(trace, 'tempo', 'trace.resourceSpans', []);
  }
  // Jaeger UI's Download Results and Trace JSON, and /api/traces: {"data": [trace…]}; one trace on its own: {"traceID", "spans", "processes"}.
  const traces = Array.isArray(object['data']) ? object['data'] : 'processes' in object ? [object] : undefined;
  if (traces && looksLikeJaeger(traces)) {
    const converted = jaegerToOtlp(traces);
    return converted.ok
      ? parseRequest(converted.request, 'jaeger-json', 'resourceSpans', converted.warnings)
      : converted;
  }
  return { ok: false, problems: [notOtlp(object)] };
}

function parseRequest(value: unknown, format: TraceFileFormat, root: string, warnings: string[]): DocumentRead {
  const parsed = traceRequestSchema.safeParse(withScopeSpans(value), { reportInput: true });
  if (parsed.success) return { ok: true, request: parsed.data, format, root, warnings };
  const problems = parsed.error.issues.map(
    (issue) => `${formatPath(issue.path).replace(/^resourceSpans/, root)}: ${formatIssue(issue)}`,
  );
  return { ok: false, problems };
}

/**
 * The request with pre-1.0 OTLP's names (`instrumentationLibrarySpans`, `instrumentationLibrary`),
 * still written by older collectors and Tempo, read as today's (`scopeSpans`, `scope`).
 */
function withScopeSpans(value: unknown): unknown {
  const request = value as { resourceSpans?: unknown };
  if (!Array.isArray(request.resourceSpans)) return value;
  const resourceSpans = request.resourceSpans.map((rs: unknown) => {
    if (rs === null || typeof rs !== 'object') return rs;
    const { instrumentationLibrarySpans, ...rest } = rs as Record<string, unknown>;
    if (!Array.isArray(instrumentationLibrarySpans) || 'scopeSpans' in rest) return rs;
    const scopeSpans = instrumentationLibrarySpans.map((ils: unknown) => {
      if (ils === null || typeof ils !== 'object') return ils;
      const { instrumentationLibrary, ...other } = ils as Record<string, unknown>;
      return 'scope' in other ? other : { ...other, scope: instrumentationLibrary };
    });
    return { ...rest, scopeSpans };
  });
  return { ...request, resourceSpans };
}
/** What an object without `resourceSpans` looks like instead. */
function notOtlp(object: Record<string, unknown>): string {
  if (Array.isArray(object['data'])) {
    return `expected OTLP JSON {"resourceSpans": […]} or Jaeger's JSON {"data": [{"traceID": …, "spans": […], "processes": {…}}]}, got {"data": […]} without them`;
  }
  if ('resource_spans' in object)
    return `expected lowerCamelCase field names as OTLP/JSON requires: "resourceSpans", not "resource_spans"`;
  const keys = Object.keys(object)
    .slice(0, 5)
    .map((key) => JSON.stringify(key));
  const found = keys.length === 0 ? 'an empty object' : `an object with ${keys.join(', ')}`;
  return `resourceSpans: missing; expected an OTLP ExportTraceServiceRequest {"resourceSpans": […]}, got ${found}`;
}

function formatPath(path: ReadonlyArray<PropertyKey>, continued = false): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out === '' && !continued ? '' : '.'}${String(part)}`;
  }
  return out === '' && !continued ? '(top level)' : out;
}

const ARTICLES: Record<string, string> = {
  array: 'an array',
  object: 'an object',
  string: 'a string',
  number: 'a number',
};

function formatIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return `expected ${ARTICLES[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
  return issue.message;
}

/** The model's spans from the parsed requests: bad spans left out, duplicates dropped, ordered by start time. */
function toSpans(batches: Batch[], warnings: string[], format: TraceFileFormat): OtlpImportResult {
  const spans: SpanRecord[] = [];
  const seen = new Set<string>();
  const leftOut: Array<{ named: string; problems: string[] }> = [];
  const selfParents: string[] = [];
  let duplicates = 0;
  for (const { request, where, root } of batches) {
    request.resourceSpans.forEach((rs, r) => {
      const resource: ExactResource = {
        attributes: rs.resource?.attributes.exact ?? [],
        droppedAttributesCount: rs.resource?.droppedAttributesCount ?? 0,
        ...(typeof rs.schemaUrl === 'string' ? { schemaUrl: rs.schemaUrl } : {}),
      };
      const resourceAttributes = toAttributes(rs.resource?.attributes.plain);
      const serviceName = resourceAttributes['service.name'];
      const service = typeof serviceName === 'string' ? serviceName : UNKNOWN_SERVICE;
      (rs.scopeSpans ?? []).forEach((ss, s) => {
        const scope: ExactScope = {
          name: ss.scope?.name ?? '',
          ...(typeof ss.scope?.version === 'string' ? { version: ss.scope.version } : {}),
          attributes: ss.scope?.attributes.exact ?? [],
          droppedAttributesCount: ss.scope?.droppedAttributesCount ?? 0,
          ...(typeof ss.schemaUrl === 'string' ? { schemaUrl: ss.schemaUrl } : {}),
        };
        const scopeRecord = ss.scope?.version ? { name: scope.name, version: ss.scope.version } : { name: scope.name };
        (ss.spans ?? []).forEach((raw, i) => {
          const path = `${root}[${r}].scopeSpans[${s}].spans[${i}]`;
          const parsed = spanSchema.safeParse(raw, { reportInput: true });
          if (!parsed.success) {
            const problems = parsed.error.issues.map(
              (issue) => `${where}${path}${formatPath(issue.path, true)}: ${formatIssue(issue)}`,
            );
            const [issue] = parsed.error.issues;
            const reason = issue ? `${formatPath(issue.path)}: ${formatIssue(issue)}` : 'not a span';
            leftOut.push({ named: `${where}${spanName(raw)} (${path}): ${reason}`, problems });
            return;
          }
          const span = parsed.data;
          const id = spanKey(span.traceId, span.spanId);
          if (seen.has(id)) {
            duplicates++;
            return;
          }
          seen.add(id);
          const selfParent = span.parentSpanId === span.spanId;
          if (selfParent) selfParents.push(`"${span.name ?? ''}" (${span.spanId})`);
          spans.push(toRecord(span, { service, scopeRecord, resourceAttributes, resource, scope, selfParent }));
        });
      });
    });
  }
  spans.sort((a, b) => a.start - b.start);
  const cycles = breakParentCycles(spans);
  if (leftOut.length > 0) {
    if (spans.length === 0 && duplicates === 0) {
      const problems = leftOut.flatMap((span) => span.problems);
      const more =
        problems.length > 1 ? ` (and ${problems.length - 1} more ${plural(problems.length - 1, 'problem')})` : '';
      // The file is OTLP, but nothing in it can be shown: say so, not that it is something else.
      return {
        ok: false,
        error: `${leftOut.length === 1 ? "The file's only span could not" : `None of the file's ${leftOut.length} spans could`} be read: ${problems[0] ?? ''}${more}.`,
        problems: problems.slice(0, MAX_PROBLEMS),
      };
    }
    const named = leftOut
      .slice(0, MAX_NAMED)
      .map((span) => span.named)
      .join('; ');
    const more = leftOut.length > MAX_NAMED ? `; and ${leftOut.length - MAX_NAMED} more` : '';
    warnings.push(`${leftOut.length} ${plural(leftOut.length, 'span')} left out, the rest shown: ${named}${more}.`);
  }
  if (selfParents.length > 0) {
    warnings.push(
      `${selfParents.length} ${plural(selfParents.length, 'span')} named as ${selfParents.length === 1 ? 'its' : 'their'} own parent, shown as ${plural(selfParents.length, 'root')}: ${selfParents.slice(0, MAX_NAMED).join(', ')}.`,
    );
  }
  if (cycles.length > 0) {
    warnings.push(
      `${cycles.length} parent ${plural(cycles.length, 'cycle')} (spans that are each other's ancestors): the earliest span of each is shown as a root: ${cycles.slice(0, MAX_NAMED).join(', ')}.`,
    );
  }
  if (duplicates > 0) {
    warnings.push(
      `${duplicates} ${plural(duplicates, 'span')} appeared more than once (same trace and span id); the first copy of each was kept.`,
    );
  }
  if (spans.length === 0) warnings.push('The file holds no spans.');
  return { ok: true, spans, warnings, format };
}

/**
 * Makes the earliest span of each parent cycle (A's parent is B, B's parent is A) a root, so every
 * view can draw a tree; its parent as given stays in `exact`. Returns the spans it changed, named.
 */
function breakParentCycles(spans: SpanRecord[]): string[] {
  const byId = new Map(spans.map((span) => [spanKey(span.traceId, span.spanId), span]));
  const done = new Set<SpanRecord>();
  const broken: string[] = [];
  for (const start of spans) {
    const path: SpanRecord[] = [];
    const onPath = new Set<SpanRecord>();
    let span: SpanRecord | undefined = start;
    while (span && !done.has(span) && !onPath.has(span)) {
      path.push(span);
      onPath.add(span);
      span = span.parentSpanId === null ? undefined : byId.get(spanKey(span.traceId, span.parentSpanId));
    }
    if (span && onPath.has(span)) {
      const cycle = path.slice(path.indexOf(span));
      const root = cycle.reduce((a, b) => (b.start < a.start ? b : a));
      if (root.exact && root.parentSpanId !== null) root.exact.parentSpanId = root.parentSpanId;
      root.parentSpanId = null;
      broken.push(`"${root.name}" (${root.spanId})`);
    }
    for (const s of path) done.add(s);
  }
  return broken;
}

interface SpanPlace {
  service: string;
  scopeRecord: SpanRecord['scope'];
  resourceAttributes: Attributes;
  resource: ExactResource;
  scope: ExactScope;
  selfParent: boolean;
}

function toRecord(span: ParsedSpan, place: SpanPlace): SpanRecord {
  const events = span.events ?? [];
  const links = span.links ?? [];
  const exact: SpanExact = {
    startTimeUnixNano: span.startTimeUnixNano.ns,
    endTimeUnixNano: span.endTimeUnixNano.ns,
    kind: span.kind.number,
    ...(typeof span.traceState === 'string' ? { traceState: span.traceState } : {}),
    ...(span.flags === undefined ? {} : { flags: span.flags }),
    ...(place.selfParent && span.parentSpanId !== null ? { parentSpanId: span.parentSpanId } : {}),
    attributes: span.attributes.exact,
    events: events.map((event) => ({
      timeUnixNano: event.timeUnixNano.ns,
      attributes: event.attributes.exact,
      droppedAttributesCount: event.droppedAttributesCount,
    })),
    links: links.map((link) => ({
      ...(typeof link.traceState === 'string' ? { traceState: link.traceState } : {}),
      ...(link.flags === undefined ? {} : { flags: link.flags }),
      attributes: link.attributes.exact,
      droppedAttributesCount: link.droppedAttributesCount,
    })),
    resource: place.resource,
    scope: place.scope,
  };
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: place.selfParent ? null : span.parentSpanId,
    name: span.name ?? '',
    kind: span.kind.name,
    service: place.service,
    scope: place.scopeRecord,
    start: span.startTimeUnixNano.ms,
    end: span.endTimeUnixNano.ms,
    attributes: toAttributes(span.attributes.plain),
    events: events.map((event) => ({
      name: event.name ?? '',
      time: event.timeUnixNano.ms,
      attributes: toAttributes(event.attributes.plain),
    })),
    links: links.map((link) => ({
      traceId: link.traceId,
      spanId: link.spanId,
      attributes: toAttributes(link.attributes.plain),
    })),
    status: span.status?.message
      ? { code: span.status.code, message: span.status.message }
      : { code: span.status?.code ?? 'unset' },
    dropped: {
      attributes: span.droppedAttributesCount,
      events: span.droppedEventsCount,
      links: span.droppedLinksCount,
    },
    resource: place.resourceAttributes,
    exact,
  };
}

/** How a span that could not be read is named: its name if it has one. */
function spanName(raw: unknown): string {
  const name = raw !== null && typeof raw === 'object' ? (raw as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? `span ${JSON.stringify(name)}` : 'a span';
}

/** Attributes from key-value pairs; an empty value drops its key, and a repeated key keeps the last. */
function toAttributes(
  list: ReadonlyArray<{ key: string; value: AttributeValue | null }> | null | undefined,
): Attributes {
  const entries: Array<[string, AttributeValue]> = [];
  for (const { key, value } of list ?? []) if (value !== null) entries.push([key, value]);
  // Object.fromEntries defines own properties, so a key such as "__proto__" stays an attribute.
  return Object.fromEntries(entries);
}

/** The bytes as text (a byte-order mark dropped), or null when they are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function failure(error: string): Failure {
  return { ok: false, error, problems: [error] };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

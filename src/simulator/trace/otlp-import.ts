/**
 * OTLP/JSON trace files to spans: files from this site, from an OpenTelemetry Collector's file
 * exporter (JSON Lines) and from tools using the protobuf JSON mapping. Bad files give one clear
 * message naming what is wrong and where; nothing is thrown.
 */
import type { z } from 'zod';
import type { AttributeValue, Attributes, SpanRecord } from './model.ts';
import { traceRequestSchema } from './otlp-import-schema.ts';
import type { ParsedTraceRequest } from './otlp-import-schema.ts';
import { describe } from './otlp-import-values.ts';
import { JsonTextError, parseJsonDocuments } from './otlp-json-text.ts';

/** The largest file `fromOtlpJson` opens: 50 MB. */
export const OTLP_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** Options for `fromOtlpJson`. */
export interface OtlpImportOptions {
  /** The largest input accepted, in bytes (UTF-16 code units for a string); 50 MB by default. */
  maxBytes?: number;
}

/** The spans read from a file, or why it could not be read. */
export type OtlpImportResult =
  | {
      ok: true;
      /** Spans ordered by start time; spans starting together keep the file's order. */
      spans: SpanRecord[];
      /** Things worth telling the reader that did not stop the import (duplicates, no spans). */
      warnings: string[];
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
/** The service of spans whose resource has no `service.name`, as the OpenTelemetry SDKs name it. */
const UNKNOWN_SERVICE = 'unknown_service';

/** Reads an OTLP/JSON file (text or UTF-8 bytes): one ExportTraceServiceRequest, or one per line. */
export function fromOtlpJson(input: string | Uint8Array, options: OtlpImportOptions = {}): OtlpImportResult {
  const maxBytes = options.maxBytes ?? OTLP_IMPORT_MAX_BYTES;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    return failure(`The file is too large (${megabytes(size)}); Span Lab opens trace files up to ${megabytes(maxBytes)}.`);
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

function readText(text: string): OtlpImportResult {
  if (text.trim() === '') return failure('The file is empty.');
  const documents = parseJsonDocuments(text);
  const requests: ParsedTraceRequest[] = [];
  const problems: string[] = [];
  for (const { value, line } of documents) {
    const where = documents.length > 1 ? `line ${line}: ` : '';
    const read = readRequest(value);
    if (read.ok) requests.push(read.value);
    else problems.push(...read.problems.map((problem) => where + problem));
  }
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${plural(problems.length - 1, 'problem')})` : '';
    return { ok: false, error: `Not an OTLP trace file: ${problems[0] ?? ''}${more}.`, problems: problems.slice(0, MAX_PROBLEMS) };
  }
  return toSpans(requests);
}

type RequestRead = { ok: true; value: ParsedTraceRequest } | { ok: false; problems: string[] };

function readRequest(value: unknown): RequestRead {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [`expected an object {"resourceSpans": […]}, got ${describe(value)}`] };
  }
  const object = value as Record<string, unknown>;
  // Jaeger's query API (api/v3) wraps the request as {"result": {"resourceSpans": […]}}.
  const result = object['result'];
  if (!('resourceSpans' in object) && result !== null && typeof result === 'object' && 'resourceSpans' in result) {
    const inner = readRequest(result);
    return inner.ok ? inner : { ok: false, problems: inner.problems.map((problem) => `result.${problem}`) };
  }
  if (!('resourceSpans' in object)) return { ok: false, problems: [notOtlp(object)] };
  const parsed = traceRequestSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${formatIssue(issue)}`) };
}

/** What an object without `resourceSpans` looks like instead. */
function notOtlp(object: Record<string, unknown>): string {
  if (Array.isArray(object['data'])) {
    return `expected OTLP JSON {"resourceSpans": […]}, got Jaeger's own JSON format {"data": […]}; export the trace as OTLP instead`;
  }
  if ('resource_spans' in object) return `expected lowerCamelCase field names as OTLP/JSON requires: "resourceSpans", not "resource_spans"`;
  const keys = Object.keys(object).slice(0, 5).map((key) => JSON.stringify(key));
  const found = keys.length === 0 ? 'an empty object' : `an object with ${keys.join(', ')}`;
  return `resourceSpans: missing; expected an OTLP ExportTraceServiceRequest {"resourceSpans": […]}, got ${found}`;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(top level)' : out;
}

const ARTICLES: Record<string, string> = { array: 'an array', object: 'an object', string: 'a string', number: 'a number' };

function formatIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${ARTICLES[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
  return issue.message;
}

/** The model's spans from the parsed requests: deduplicated, ordered by start time. */
function toSpans(requests: ParsedTraceRequest[]): OtlpImportResult {
  const spans: SpanRecord[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const request of requests) {
    for (const { resource, scopeSpans } of request.resourceSpans) {
      const resourceAttributes = toAttributes(resource?.attributes);
      const serviceName = resourceAttributes['service.name'];
      const service = typeof serviceName === 'string' ? serviceName : UNKNOWN_SERVICE;
      for (const { scope, spans: scopeSpanList } of scopeSpans ?? []) {
        const scopeRecord = scope?.version ? { name: scope.name ?? '', version: scope.version } : { name: scope?.name ?? '' };
        for (const span of scopeSpanList ?? []) {
          const id = `${span.traceId}/${span.spanId}`;
          if (seen.has(id)) {
            duplicates++;
            continue;
          }
          seen.add(id);
          spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId,
            name: span.name ?? '',
            kind: span.kind,
            service,
            scope: scopeRecord,
            start: span.startTimeUnixNano,
            end: span.endTimeUnixNano,
            attributes: toAttributes(span.attributes),
            events: (span.events ?? []).map((event) => ({
              name: event.name ?? '',
              time: event.timeUnixNano,
              attributes: toAttributes(event.attributes),
            })),
            links: (span.links ?? []).map((link) => ({
              traceId: link.traceId,
              spanId: link.spanId,
              attributes: toAttributes(link.attributes),
            })),
            status: span.status?.message
              ? { code: span.status.code, message: span.status.message }
              : { code: span.status?.code ?? 'unset' },
            dropped: { attributes: span.droppedAttributesCount, events: span.droppedEventsCount, links: span.droppedLinksCount },
            resource: resourceAttributes,
          });
        }
      }
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const warnings: string[] = [];
  if (duplicates > 0) {
    warnings.push(
      `${duplicates} ${plural(duplicates, 'span')} appeared more than once (same trace and span id); the first copy of each was kept.`,
    );
  }
  if (spans.length === 0) warnings.push('The file holds no spans.');
  return { ok: true, spans, warnings };
}

/** Attributes from key-value pairs; an empty value drops its key, and a repeated key keeps the last. */
function toAttributes(list: ReadonlyArray<{ key: string; value: AttributeValue | null }> | null | undefined): Attributes {
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

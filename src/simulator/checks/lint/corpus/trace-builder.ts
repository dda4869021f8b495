/**
 * A small way to write a realistic trace for the linter's corpus: spans by name, parents and links
 * by name, times in milliseconds from the trace's start, as they would come out of a collector.
 */
import type { AttributeValue, SpanKindName, SpanRecord } from '../../../trace/model.ts';

/** One span of a corpus trace. */
export interface SpanSketch {
  /** The span's name; `#n` after it (not part of the name) tells apart spans named alike. */
  name: string;
  service: string;
  kind?: SpanKindName;
  /** The parent's name (with its `#n`), or nothing for a root. */
  parent?: string;
  /** Another trace's root: the span starts a trace of its own. */
  trace?: number;
  start: number;
  /** Milliseconds, or null for a span never ended. */
  duration: number | null;
  attributes?: Record<string, AttributeValue>;
  /** Links by target name, with their attributes; `malformed` for one without a valid context. */
  links?: Array<{ to: string; attributes?: Record<string, AttributeValue>; late?: boolean } | 'malformed'>;
  error?: string;
  /** Events by name at a time from the trace's start. */
  events?: Array<{ name: string; at: number; attributes?: Record<string, AttributeValue> }>;
  droppedLinks?: number;
}

const EPOCH = 1_764_000_000_000;
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The spans of a sketch, with ids derived from their order and trace numbers. */
export function buildTrace(sketches: readonly SpanSketch[], seed = 1): SpanRecord[] {
  const ids = new Map<string, { traceId: string; spanId: string }>();
  const traceOf = (sketch: SpanSketch): number => {
    if (sketch.parent !== undefined) return parseInt(ids.get(sketch.parent)?.traceId.slice(-4) ?? '1', 16);
    return sketch.trace ?? 1;
  };
  sketches.forEach((sketch, i) => {
    const trace = traceOf(sketch);
    ids.set(sketch.name, {
      traceId: `${hex(seed, 8)}${'a'.repeat(20)}${hex(trace, 4)}`,
      spanId: hex(seed * 4096 + i + 1, 16),
    });
  });
  return sketches.map((sketch) => {
    const own = ids.get(sketch.name);
    if (!own) throw new Error(`no id for ${sketch.name}`);
    const parent = sketch.parent === undefined ? null : (ids.get(sketch.parent)?.spanId ?? null);
    const start = EPOCH + sketch.start;
    return {
      traceId: own.traceId,
      spanId: own.spanId,
      parentSpanId: parent,
      name: sketch.name.replace(/#\d+$/, ''),
      kind: sketch.kind ?? 'internal',
      service: sketch.service,
      scope: { name: `${sketch.service}-instrumentation` },
      start,
      end: sketch.duration === null ? null : start + sketch.duration,
      attributes: sketch.attributes ?? {},
      events: [
        ...(sketch.error
          ? [{ name: 'exception', time: start, attributes: { 'exception.message': sketch.error } }]
          : []),
        ...(sketch.events ?? []).map((e) => ({ name: e.name, time: EPOCH + e.at, attributes: e.attributes ?? {} })),
      ],
      links: (sketch.links ?? []).map((link) => {
        if (link === 'malformed') return { traceId: '0'.repeat(32), spanId: '0'.repeat(16), attributes: {} };
        const target = ids.get(link.to);
        if (!target) throw new Error(`no link target ${link.to}`);
        return { ...target, attributes: link.attributes ?? {}, ...(link.late ? { addedAfterStart: true } : {}) };
      }),
      status: sketch.error ? { code: 'error', message: sketch.error } : { code: 'unset' },
      dropped: { attributes: 0, events: 0, links: sketch.droppedLinks ?? 0 },
      resource: { 'service.name': sketch.service },
    };
  });
}

/** A reference to one span: its trace id and span id (a span id may repeat across traces). */
export interface SpanRef {
  traceId: string;
  spanId: string;
}

/** A string key for a span reference, safe for any pair of ids (JSON, so no separator can collide). */
export function spanKey(traceId: string, spanId: string): string {
  return JSON.stringify([traceId, spanId]);
}

/** Whether two references name the same span. */
export function sameSpan(a: SpanRef | null, b: SpanRef | null): boolean {
  return a !== null && b !== null && a.traceId === b.traceId && a.spanId === b.spanId;
}

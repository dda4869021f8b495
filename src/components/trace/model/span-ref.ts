/** A reference to one span: its trace id and span id (a span id may repeat across traces). */
export interface SpanRef {
  traceId: string;
  spanId: string;
}

/** Whether two references name the same span. */
export function sameSpan(a: SpanRef | null, b: SpanRef | null): boolean {
  return a !== null && b !== null && a.traceId === b.traceId && a.spanId === b.spanId;
}

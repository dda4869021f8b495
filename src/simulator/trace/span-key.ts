/** The one key of a span in maps and sets: its trace id and span id (a span id may repeat across traces). */

/** A string key for a span, safe for any pair of ids: JSON, so no id holding a separator can stand for another pair. */
export function spanKey(traceId: string, spanId: string): string {
  return JSON.stringify([traceId, spanId]);
}

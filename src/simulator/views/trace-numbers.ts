/** How the views number a run's traces: `trace 1`, `trace 2`, … as the waterfall titles its sections. */
import { groupByTrace, type SpanRecord } from '../trace/model.ts';

/** One trace: its id, its spans, and its position among the run's traces by first span. */
export type OrderedTrace = [traceId: string, spans: SpanRecord[], index: number];

/** The traces in the order the waterfall draws them: by first span, those holding a span named `focus` first. */
export function traceOrder(spans: readonly SpanRecord[], focus?: string | null): OrderedTrace[] {
  const traces = [...groupByTrace(spans)].map(([id, list], index): OrderedTrace => [id, list, index]);
  if (focus === undefined || focus === null || focus === '') return traces;
  const focused = traces.filter(([, list]) => list.some((span) => span.name === focus));
  return [...focused, ...traces.filter((trace) => !focused.includes(trace))];
}

/**
 * Each trace's number, from 1, in order of its first span: as every view titles it (a waterfall
 * that draws a `focus` trace first keeps its number).
 */
export function traceNumbers(spans: readonly SpanRecord[]): Map<string, number> {
  return new Map(traceOrder(spans).map(([traceId, , index]) => [traceId, index + 1]));
}

/** Test helpers: a run's spans as compact, readable shapes to compare exactly. */
import { readFileSync } from 'node:fs';
import { runScenario } from '../platform/node/run-in-node.ts';
import type { RunOptions } from '../runtime/protocol.ts';
import type { RunResult, SpanRecord } from '../trace/model.ts';
import { EPOCH_MS } from '../runtime/epoch.ts';

/** One span as `name [service kind] start–end ms`, with its parent's and links' names. */
export interface SpanShape {
  span: string;
  parent: string | null;
  trace: number;
  links?: Array<{ to: string; trace: number; attributes: Record<string, unknown> }>;
}

/** Runs a scenario file from src/content/scenarios. */
export function runScenarioFile(
  name: string,
  options: Partial<RunOptions> & Pick<Parameters<typeof runScenario>[1] & object, 'tracerProvider'> = {},
): Promise<RunResult> {
  const path = new URL(`../../content/scenarios/${name}`, import.meta.url);
  return runScenario(readFileSync(path, 'utf8'), { ...options, fileName: name });
}

/** The spans of a run as shapes: traces numbered in order of appearance, times relative to the epoch. */
export function traceShape(spans: readonly SpanRecord[]): SpanShape[] {
  const traces = [...new Set(spans.map((s) => s.traceId))];
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const label = (s: SpanRecord): string =>
    `${s.name} [${s.service} ${s.kind}] ${s.start - EPOCH_MS}–${s.end === null ? 'open' : s.end - EPOCH_MS}`;
  return spans.map((s) => {
    const shape: SpanShape = {
      span: label(s),
      parent:
        s.parentSpanId === null
          ? null
          : byId.has(s.parentSpanId)
            ? label(byId.get(s.parentSpanId)!)
            : `remote ${s.parentSpanId}`,
      trace: traces.indexOf(s.traceId) + 1,
    };
    if (s.links.length > 0) {
      shape.links = s.links.map((l) => ({
        to: byId.has(l.spanId) ? label(byId.get(l.spanId)!) : `external ${l.spanId}`,
        trace: traces.indexOf(l.traceId) + 1,
        attributes: l.attributes,
      }));
    }
    return shape;
  });
}

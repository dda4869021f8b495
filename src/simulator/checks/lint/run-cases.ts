/**
 * Test helper for the lint rules: runs one scenario on the real SDK, in a sandbox as the CLI
 * does, whose cases each run as their own services — `bad`, `bad-worker`, `good`, … — and hands back
 * each case's spans, and findings with span names in place of ids, to compare exactly.
 */
import { runScenario } from '../../platform/node/run-in-node.ts';
import type { SpanRecord } from '../../trace/model.ts';
import { lintTrace } from './lint-trace.ts';
import type { Finding, LintRule } from './rule.ts';

/** The imports every case source starts with. */
export const PRELUDE = `import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Link } from '@opentelemetry/api';
import { broker, scheduler, service, sleep } from '@spanlab/world';
const tracer = trace.getTracer('lint-case');
`;

/** A finding with the names of its spans instead of their ids. */
export type NamedFinding = Omit<Finding, 'spans' | 'docs'> & { spans: string[] };

/** The spans of one case: its services are named `<case>` or `<case>-<anything>`. */
export type Cases = (name: string) => SpanRecord[];

/** Runs the source once; fails loudly if the run itself went wrong. */
export async function runCases(source: string): Promise<Cases> {
  const result = await runScenario(source, { fileName: 'lint-case.ts' });
  if (result.errors.length > 0 || result.limits.length > 0) {
    throw new Error(`the case scenario failed: ${JSON.stringify([...result.errors, ...result.limits])}`);
  }
  return (name) => result.spans.filter((s) => s.service === name || s.service.startsWith(`${name}-`));
}

/** One rule's findings on some spans, with span names for ids. */
export function lintWith(rule: LintRule, spans: readonly SpanRecord[]): NamedFinding[] {
  const names = new Map(spans.map((s) => [s.spanId, s.name]));
  return lintTrace(spans, { rules: [rule] }).map(({ rule: id, severity, message, spans: ids }) => ({
    rule: id,
    severity,
    message,
    spans: ids.map((id) => names.get(id) ?? id),
  }));
}

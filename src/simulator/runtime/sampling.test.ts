/** The run's `sampler` option and a scenario's own exported sampler, on the real SDK samplers. */
import { readFileSync } from 'node:fs';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { SamplingDecision, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../platform/node/run-in-node.ts';
import { danglingLinks } from '../trace/dangling-links.ts';
import type { RunResult, SpanRecord } from '../trace/model.ts';
import { toOtlpJson } from '../trace/otlp-export.ts';
import { toSummary } from '../views/summary.ts';
import { parseSamplerSpec } from './sampler-spec.ts';

const scenario = (name: string): string =>
  readFileSync(new URL(`../../content/scenarios/${name}`, import.meta.url), 'utf8');

/** The SDK's own ratio decision for a trace id. */
function ratioKeeps(ratio: number, traceId: string): boolean {
  const result = new TraceIdRatioBasedSampler(ratio).shouldSample(ROOT_CONTEXT, traceId);
  return result.decision === SamplingDecision.RECORD_AND_SAMPLED;
}

const all = (result: RunResult): SpanRecord[] => [...result.spans, ...(result.unsampledSpans ?? [])];
const names = (spans: readonly SpanRecord[]): string[] => spans.map((s) => s.name);

describe('parseSamplerSpec', () => {
  it('reads the four forms and normalizes the ratio', () => {
    expect(parseSamplerSpec('always')).toEqual({ ok: true, spec: 'always' });
    expect(parseSamplerSpec(' never ')).toEqual({ ok: true, spec: 'never' });
    expect(parseSamplerSpec('ratio:0.50')).toEqual({ ok: true, spec: 'ratio:0.5' });
    expect(parseSamplerSpec('parent-ratio: 1')).toEqual({ ok: true, spec: 'parent-ratio:1' });
  });

  it('says what is wrong with a bad spec', () => {
    expect(parseSamplerSpec('ratio:2')).toEqual({
      ok: false,
      message: '"ratio:2": the ratio must be a number from 0 to 1 (the share of traces kept), e.g. ratio:0.25',
    });
    expect(parseSamplerSpec('ratio:')).toMatchObject({ ok: false });
    expect(parseSamplerSpec('half')).toEqual({
      ok: false,
      message:
        '"half" is not a sampler: use always, never, ratio:P (TraceIdRatioBasedSampler) or parent-ratio:P (ParentBasedSampler over it), P from 0 to 1, e.g. ratio:0.25',
    });
  });
});

describe('the sampler option', () => {
  it('ratio:P keeps the traces the SDK’s TraceIdRatioBasedSampler keeps, the same for the same seed; the rest stay in the run, unexported', async () => {
    const source = scenario('batch-consumer.ts');
    const [first, again] = await Promise.all([
      runScenario(source, { sampler: 'ratio:0.5', seed: 4 }),
      runScenario(source, { sampler: 'ratio:0.5', seed: 4 }),
    ]);
    expect(first.errors).toEqual([]);
    expect(again.spans).toEqual(first.spans);
    expect(again.unsampledSpans).toEqual(first.unsampledSpans);
    for (const span of first.spans) expect(ratioKeeps(0.5, span.traceId)).toBe(true);
    for (const span of first.unsampledSpans ?? []) {
      expect(ratioKeeps(0.5, span.traceId)).toBe(false);
      expect(span.sampled).toBe(false);
    }
    expect(first.spans.length).toBeGreaterThan(0);
    expect(first.unsampledSpans?.length).toBeGreaterThan(0);
    expect(first.sampler).toBe('ratio:0.5');
    expect(first.stats).toMatchObject({
      spansStarted: 7,
      spansKept: first.spans.length,
      spansUnsampled: first.unsampledSpans!.length,
      spansDropped: 0,
    });
    // Exported as a backend receives them: the sampled spans only.
    const exported = toOtlpJson(first.spans).request.resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s) => s.spans.map((span) => span.name)),
    );
    expect(exported.sort()).toEqual(names(first.spans).sort());
  });

  it('with the same spans started, the trees are those of an always-on run', async () => {
    const source = scenario('batch-consumer.ts');
    const [sampled, always] = await Promise.all([
      runScenario(source, { sampler: 'ratio:0.5', seed: 4 }),
      runScenario(source, { seed: 4 }),
    ]);
    // What differs is only what the sampler decided: spans not kept, and links to them.
    const shape = (spans: SpanRecord[]) =>
      spans
        .map(({ sampled: _sampled, links, ...rest }) => ({
          ...rest,
          links: links.map(({ sampled: _linked, ...link }) => link),
        }))
        .sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
    expect(shape(all(sampled))).toEqual(shape(always.spans));
    // A link says whether the span it points to was kept, as the SDK's link context does.
    const kept = new Set(
      all(sampled)
        .filter((span) => span.sampled !== false)
        .map((span) => span.spanId),
    );
    const links = all(sampled).flatMap((span) => span.links);
    expect(new Set(links.map((link) => link.sampled === false))).toEqual(new Set([true, false]));
    for (const link of links) expect(link.sampled === false).toBe(!kept.has(link.spanId));
    expect(always.spans.flatMap((span) => span.links).some((link) => 'sampled' in link)).toBe(false);
    expect(always.unsampledSpans).toBeUndefined();
    expect(always.stats.spansUnsampled).toBeUndefined();
  });

  it('parent-ratio:P: a consumer that takes the producer as parent inherits its decision through traceparent', async () => {
    const source = scenario('publish-consume.ts');
    const decisions = new Set<boolean>();
    const runs = await Promise.all(
      [1, 2, 3, 5, 8].map((seed) => runScenario(source, { sampler: 'parent-ratio:0.5', seed })),
    );
    for (const result of runs) {
      expect(result.errors).toEqual([]);
      const publish = all(result).find((s) => s.kind === 'producer')!;
      const shipping = all(result).find((s) => s.service === 'shipping' && s.kind === 'consumer')!;
      expect(shipping.parentSpanId).toBe(publish.spanId);
      expect(shipping.sampled).toBe(publish.sampled);
      expect(publish.sampled === undefined).toBe(ratioKeeps(0.5, publish.traceId));
      decisions.add(publish.sampled === undefined);
    }
    expect([...decisions].sort()).toEqual([false, true]);
  });

  it('never: no span is exported, each is recorded as not sampled, and `isRecording()` is false as the SDK’s', async () => {
    const result = await runScenario(
      `import { trace } from '@opentelemetry/api';
const span = trace.getTracer('t').startSpan('dropped');
console.log(span.isRecording(), span.spanContext().traceFlags);
span.end();`,
      { sampler: 'never' },
    );
    expect(result.spans).toEqual([]);
    expect(names(result.unsampledSpans ?? [])).toEqual(['dropped']);
    expect(result.console.map((entry) => entry.text)).toEqual(['false 0']);
    expect(toSummary(result)).toContain('Spans — 1 started, 0 kept, 1 dropped by the sampler; 0 links dangle');
  });
});

const LINK_AWARE = `import { context, propagation, ROOT_CONTEXT, SpanKind, trace, TraceFlags, type Link } from '@opentelemetry/api';
import { ParentBasedSampler, SamplingDecision, TraceIdRatioBasedSampler, type Sampler } from '@opentelemetry/sdk-trace-base';
import { broker, service, sleep } from '@spanlab/world';

const ratio = new TraceIdRatioBasedSampler(0.5);
// Keeps a span when any span it links to was kept; else as the ratio says.
const linkAware: Sampler = {
  shouldSample(ctx, traceId, name, kind, attributes, links) {
    if (links.some((link) => (link.context.traceFlags & TraceFlags.SAMPLED) !== 0)) {
      return { decision: SamplingDecision.RECORD_AND_SAMPLED };
    }
    return ratio.shouldSample(ctx, traceId);
  },
  toString: () => 'LinkAware',
};
export const sampler = new ParentBasedSampler({ root: linkAware });

const tracer = trace.getTracer('t');
const orders = broker.topic('orders');
orders.subscribeBatch((messages) => {
  const links: Link[] = messages.map((m) => ({ context: trace.getSpanContext(propagation.extract(ROOT_CONTEXT, m.headers))! }));
  tracer.startSpan('batch', { kind: SpanKind.CONSUMER, links }).end();
}, { maxMessages: 6, maxWaitMs: 50 });

export default async function main() {
  await service('shop').run(async () => {
    for (let i = 1; i <= 6; i++) {
      await tracer.startActiveSpan('send ' + i, { kind: SpanKind.PRODUCER }, async (span) => {
        await orders.publish({ i });
        span.end();
      });
    }
  });
}`;

describe("a scenario's own sampler (export const sampler)", () => {
  it('decides when no sampler option is given: a link-aware sampler keeps the batch a ratio sampler would drop', async () => {
    const seeds = [1, 2, 3, 4, 5];
    const runs = await Promise.all(
      seeds.flatMap((seed) => [
        runScenario(LINK_AWARE, { seed }),
        runScenario(LINK_AWARE, { seed, sampler: 'ratio:0.5' }),
      ]),
    );
    let keptByLinksOnly = 0;
    for (let i = 0; i < runs.length; i += 2) {
      const [own, ratio] = [runs[i]!, runs[i + 1]!];
      expect(own.errors).toEqual([]);
      const batch = all(own).find((s) => s.name === 'batch')!;
      const anyLinkKept = batch.links.some((link) => ratioKeeps(0.5, link.traceId));
      expect(batch.sampled === undefined).toBe(anyLinkKept || ratioKeeps(0.5, batch.traceId));
      if (anyLinkKept && !ratioKeeps(0.5, batch.traceId)) keptByLinksOnly += 1;
      expect(own.sampler).toBeUndefined();
      // The option overrides the export: the ratio alone decides.
      const ratioBatch = all(ratio).find((s) => s.name === 'batch')!;
      expect(ratioBatch.sampled === undefined).toBe(ratioKeeps(0.5, ratioBatch.traceId));
    }
    expect(keptByLinksOnly).toBeGreaterThan(0);
  });

  it('marks the links of kept spans that point at spans no backend received', async () => {
    // A seed where some producers are dropped by the ratio and the batch is kept.
    const found = await Promise.all([1, 2, 3, 4].map((seed) => runScenario(LINK_AWARE, { seed })));
    const result = found.find((r) => {
      const batch = r.spans.find((s) => s.name === 'batch');
      return batch !== undefined && (r.unsampledSpans ?? []).some((s) => s.kind === 'producer');
    })!;
    expect(result).toBeDefined();
    const dangling = danglingLinks(result);
    const batch = result.spans.find((s) => s.name === 'batch')!;
    const dropped = batch.links.filter((link) => !ratioKeeps(0.5, link.traceId));
    expect(dangling.map((d) => [d.from.name, d.link.spanId, d.reason])).toEqual(
      dropped.map((link) => ['batch', link.spanId, 'not-sampled']),
    );
    const summary = toSummary(result);
    expect(summary).toContain(`${dropped.length} link${dropped.length === 1 ? '' : 's'} dangle`);
    expect(summary).toContain('(dangles: not sampled)');
    expect(summary).toContain('Not sampled — ');
  });

  it('may import the SDK’s samplers but nothing else from @opentelemetry/sdk-trace-base', async () => {
    const result = await runScenario(
      `import { BasicTracerProvider, AlwaysOnSampler } from '@opentelemetry/sdk-trace-base';\nexport const sampler = new AlwaysOnSampler();`,
    );
    expect(result.errors).toEqual([
      expect.objectContaining({
        kind: 'compile',
        line: 1,
        column: 10,
        message: expect.stringMatching(
          /^'BasicTracerProvider' is not one of the samplers a scenario may import/,
        ) as unknown,
      }),
    ]);
  });

  it('an exported sampler that cannot sample is reported once, and spans are sampled always', async () => {
    const result = await runScenario(
      `import { trace } from '@opentelemetry/api';\nexport const sampler = { keep: true };\ntrace.getTracer('t').startSpan('a').end();\ntrace.getTracer('t').startSpan('b').end();`,
    );
    expect(names(result.spans)).toEqual(['a', 'b']);
    expect(result.console.map((entry) => [entry.level, entry.text])).toEqual([
      ['warn', 'The scenario exports `sampler`, but it has no shouldSample method: spans are sampled always.'],
    ]);
  });
});

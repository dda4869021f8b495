import { describe, expect, it } from 'vitest';
import { runScenario } from '../node/run-in-node.ts';
import { parseRunEvents } from './validate-events.ts';

describe('parseRunEvents', () => {
  it('accepts the events of a real run', async () => {
    const result = await runScenario(
      `import { trace } from '@opentelemetry/api';\nconst s = trace.getTracer('t').startSpan('a', { attributes: { list: ['x', 'y'] } });\ns.end();\nconsole.log('hi');`,
    );
    const events = result.spans.map((span, order) => ({ type: 'span-end', span, order }));
    const parsed = parseRunEvents(JSON.stringify([...events, { type: 'console', entry: result.console[0] }]));
    expect(parsed).toEqual({ ok: true, events: [...events, { type: 'console', entry: result.console[0] }] });
    const [span] = result.spans;
    const withAttributes = (attributes: Record<string, unknown>): string =>
      JSON.stringify([{ type: 'span-end', span: { ...span, attributes }, order: 0 }]);
    // As in the model: null inside an array, never as an attribute's value.
    expect(parseRunEvents(withAttributes({ list: ['x', null] })).ok).toBe(true);
    expect(parseRunEvents(withAttributes({ gone: null }))).toMatchObject({ ok: false });
    // A span the sampler did not sample says so with `sampled: false`, and only so.
    const withSampled = (sampled: unknown): string =>
      JSON.stringify([{ type: 'span-end', span: { ...span, sampled }, order: 0 }]);
    expect(parseRunEvents(withSampled(false)).ok).toBe(true);
    expect(parseRunEvents(withSampled(true))).toMatchObject({ ok: false });
  });

  it('refuses what a hostile scenario could post instead', () => {
    expect(parseRunEvents('{not json')).toEqual({ ok: false, reason: 'a message from the run was not valid JSON' });
    expect(parseRunEvents(JSON.stringify([{ type: 'span-end', span: { traceId: 'x' }, order: 1 }]))).toMatchObject({
      ok: false,
    });
    expect(parseRunEvents(JSON.stringify([{ type: 'navigate', url: 'https://example.com' }]))).toMatchObject({
      ok: false,
    });
    expect(parseRunEvents(JSON.stringify({ type: 'done' }))).toMatchObject({ ok: false });
    expect(parseRunEvents(JSON.stringify(Array.from({ length: 10_001 }, () => ({ type: 'done' }))))).toMatchObject({
      ok: false,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { runScenario } from './run-in-node.ts';

const api = `import { trace, context, SpanStatusCode } from '@opentelemetry/api';\nconst tracer = trace.getTracer('t');\n`;

describe('runScenario limits', () => {
  it('stops `while (true) {}` at the wall-clock budget, names the limit, and the next run works', async () => {
    const result = await runScenario(`${api}tracer.startSpan('before').end();\nwhile (true) {}`, {
      wallClockBudgetMs: 1000,
    });
    expect(result.limits).toEqual([
      { limit: 'wall-clock', message: expect.stringMatching(/wall-clock budget/) as unknown, line: 4, column: 1 },
    ]);
    expect(result.spans.map((s) => s.name)).toEqual(['before']);
    const next = await runScenario(`${api}tracer.startSpan('after').end();`);
    expect(next.limits).toEqual([]);
    expect(next.spans.map((s) => s.name)).toEqual(['after']);
  });

  it('is stopped by the host when the code swallows the guard and keeps looping', async () => {
    const result = await runScenario(
      `${api}tracer.startSpan('before').end();\nfor (;;) { try { for (;;) {} } catch {} }`,
      {
        wallClockBudgetMs: 500,
      },
    );
    expect(result.limits.map((l) => l.limit)).toEqual(['wall-clock']);
    expect(result.spans.map((s) => s.name)).toEqual(['before']);
  });

  it('stops an endless chain of promises, keeping the spans that ended', async () => {
    const result = await runScenario(
      `${api}tracer.startSpan('before').end();\nconst again = (): Promise<void> => Promise.resolve().then(again);\nvoid again();`,
      {
        wallClockBudgetMs: 500,
      },
    );
    expect(result.limits).toMatchObject([{ limit: 'wall-clock', line: 4 }]);
    expect(result.spans.map((s) => s.name)).toEqual(['before']);
  });

  it('keeps the spans that ended when an endless loop inside a timer is stopped, and lists the open one', async () => {
    const result = await runScenario(
      `${api}const open = tracer.startSpan('open');\ntracer.startSpan('done').end();\nsetTimeout(() => { for (;;) {} }, 100);`,
      { wallClockBudgetMs: 1000 },
    );
    expect(result.limits.map((l) => l.limit)).toEqual(['wall-clock']);
    expect(result.spans.map((s) => [s.name, s.end === null])).toEqual([
      ['open', true],
      ['done', false],
    ]);
  });

  it('stops an endless setInterval at the virtual-time budget and drops spans past the span budget', async () => {
    const result = await runScenario(`${api}setInterval(() => tracer.startSpan('tick').end(), 1000);`, {
      virtualTimeBudgetMs: 60_000,
      spanBudget: 50,
    });
    expect(result.limits.map((l) => l.limit)).toEqual(['span-count', 'virtual-time']);
    expect(result.limits[1]!.message).toMatch(/virtual-time budget/);
    expect(result.stats.virtualMs).toBe(60_000);
    expect(result.spans).toHaveLength(50);
    expect(result.stats.spansStarted).toBe(60);
    expect(result.stats.spansDropped).toBe(10);
  });

  it('keeps the first 20,000 of 100,000 spans and counts the rest', async () => {
    // A long wall-clock budget: on a loaded machine the default could end the run before the span budget.
    const result = await runScenario(`${api}for (let i = 0; i < 100_000; i++) tracer.startSpan('s' + i).end();`, {
      wallClockBudgetMs: 120_000,
    });
    expect(result.spans).toHaveLength(20_000);
    expect(result.stats).toMatchObject({ spansStarted: 100_000, spansDropped: 80_000, spansKept: 20_000 });
    expect(result.limits.map((l) => l.limit)).toEqual(['span-count']);
  });

  it('runs 10,000 spans whole', async () => {
    const result = await runScenario(
      `${api}export default async () => { for (let i = 0; i < 10_000; i++) { const s = tracer.startSpan('s'); await new Promise((r) => setTimeout(r, 1)); s.end(); } };`,
      { wallClockBudgetMs: 120_000 },
    );
    expect(result.errors).toEqual([]);
    expect(result.spans).toHaveLength(10_000);
    expect(result.stats.virtualMs).toBe(10_000);
  });

  it('reports a memory bomb as a crash, not a hang', async () => {
    const result = await runScenario(`const a: string[] = [];\nfor (;;) a.push('x'.repeat(1 << 20) + a.length);`, {
      wallClockBudgetMs: 60_000,
      memoryLimitMb: 128,
    });
    expect(result.errors.map((e) => e.kind)).toEqual(['crash']);
    expect(result.errors[0]!.message).toMatch(/the run crashed: it used more than 128 MB of memory/i);
  });
});

describe('runScenario errors', () => {
  it('reports a syntax error with its line and column and runs nothing', async () => {
    const result = await runScenario(`${api}tracer.startSpan('x').end();\nconst s = 'unterminated;\n`);
    expect(result.spans).toEqual([]);
    expect(result.errors).toEqual([{ kind: 'compile', message: 'Unterminated string literal.', line: 4, column: 25 }]);
  });

  it('rejects an import the sandbox does not serve, at its position', async () => {
    const result = await runScenario(`import fs from 'node:fs';\nconsole.log(fs);`);
    expect(result.errors).toMatchObject([{ kind: 'compile', line: 1, column: 16 }]);
    expect(result.errors[0]!.message).toMatch(/Cannot import 'node:fs'/);
  });

  it('runs code with type errors (types do not block a run)', async () => {
    const result = await runScenario(
      `${api}const n: number = 'text' as unknown as number;\ntracer.startSpan(String(n)).end();`,
    );
    expect(result.errors).toEqual([]);
    expect(result.spans.map((s) => s.name)).toEqual(['text']);
  });

  it('reports a top-level throw with its line, keeping ended spans', async () => {
    const result = await runScenario(`${api}tracer.startSpan('kept').end();\n\n  throw new TypeError('bad order');`);
    expect(result.errors).toEqual([
      { kind: 'runtime', name: 'TypeError', message: 'TypeError: bad order', line: 5, column: 9 },
    ]);
    expect(result.spans.map((s) => s.name)).toEqual(['kept']);
  });

  it('reports a throw inside setTimeout with its line', async () => {
    const result = await runScenario(`${api}setTimeout(() => {\n  throw new Error('late');\n}, 14_000);`);
    expect(result.errors).toMatchObject([{ kind: 'runtime', message: 'Error: late', line: 4, column: 9 }]);
    expect(result.stats.virtualMs).toBe(14_000);
  });

  it('reports an unhandled rejection like a throw', async () => {
    const result = await runScenario(`${api}void Promise.reject(new Error('nobody caught me'));`);
    expect(result.errors).toMatchObject([{ kind: 'unhandled-rejection', message: 'Error: nobody caught me', line: 3 }]);
  });

  it('reports a rejection of the default export with the line that threw', async () => {
    const result = await runScenario(
      `${api}export default async function main() {\n  await new Promise((r) => setTimeout(r, 5));\n  throw new Error('after await');\n}`,
    );
    expect(result.errors).toMatchObject([{ kind: 'runtime', message: 'Error: after await', line: 5 }]);
  });

  it('reports unbounded recursion as a RangeError at the scenario line', async () => {
    const result = await runScenario(`function down(n: number): number {\n  return down(n + 1) + 1;\n}\ndown(0);`);
    expect(result.errors).toMatchObject([{ kind: 'runtime', name: 'RangeError', line: 2 }]);
  });

  it('lists a span never ended and warns about it', async () => {
    const result = await runScenario(`${api}tracer.startSpan('forgotten');\ntracer.startSpan('fine').end();`);
    expect(result.spans.map((s) => [s.name, s.end])).toEqual([
      ['forgotten', null],
      ['fine', result.spans[1]!.start],
    ]);
    expect(result.console.map((c) => c.text)).toContain('1 span was started and never ended.');
  });

  it('warns on end() twice and keeps one span', async () => {
    const result = await runScenario(`${api}const s = tracer.startSpan('twice');\ns.end();\ns.end();`);
    expect(result.spans).toHaveLength(1);
    expect(result.console).toMatchObject([
      { level: 'warn', line: 5 },
      { level: 'warn', line: 5 },
    ]);
    expect(result.console[1]!.text).toMatch(/You can only call end\(\) on a span once/);
  });

  it('has no network: fetch fails with a hint at its line', async () => {
    const result = await runScenario(`console.log('before');\nawait fetch('https://example.com');`);
    expect(result.errors).toMatchObject([{ kind: 'runtime', name: 'TypeError', line: 2 }]);
    expect(result.errors[0]!.message).toMatch(
      /fetch is not available in a Span Lab scenario: scenarios have no network/,
    );
  });

  it('has no network: every network global throws the hint', async () => {
    const result = await runScenario(
      `const g = globalThis as unknown as Record<string, new (url: string) => unknown>;
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'BroadcastChannel']) {
  try { new g[name]!('ws://example.com'); } catch (e) { console.log(String(e)); }
}`,
    );
    expect(result.errors).toEqual([]);
    expect(result.console.map((c) => c.text.replace(/ is not available.*/, ''))).toEqual([
      'TypeError: fetch',
      'TypeError: XMLHttpRequest',
      'TypeError: WebSocket',
      'TypeError: EventSource',
      'TypeError: BroadcastChannel',
    ]);
  });

  it('has no page: window and localStorage fail with a hint', async () => {
    const result = await runScenario(
      `try { localStorage.setItem('a', '1'); } catch (e) { console.log(String(e)); }\nconsole.log(window);`,
    );
    expect(result.console.map((c) => c.text)).toEqual(['ReferenceError: localStorage is not defined']);
    expect(result.errors).toMatchObject([{ name: 'ReferenceError', line: 2 }]);
    expect(result.errors[0]!.message).toMatch(
      /window is not available in a Span Lab scenario: it runs in a sandboxed worker/,
    );
  });

  it('captures console output of any value, with its line', async () => {
    const result = await runScenario(
      `const a: Record<string, unknown> = { n: 1 };\na['self'] = a;\nconsole.log('cyclic', a);`,
    );
    expect(result.console).toMatchObject([
      { level: 'log', text: 'cyclic { n: 1, self: [Circular] }', line: 3, column: 9 },
    ]);
  });
});

describe('runScenario context and time', () => {
  it('keeps the active span across await, .then, timers and concurrent Promise.all branches', async () => {
    const result = await runScenario(`${api}
export default async function main() {
  await tracer.startActiveSpan('root', async (root) => {
    await Promise.all([30, 10, 20].map(async (ms) => {
      await tracer.startActiveSpan('branch-' + ms, async (branch) => {
        await new Promise((r) => setTimeout(r, ms));
        tracer.startSpan('after-await-' + ms).end();
        await Promise.resolve().then(() => tracer.startSpan('in-then-' + ms).end());
        setTimeout(() => tracer.startSpan('in-timer-' + ms).end(), 1);
        await new Promise((r) => setTimeout(r, 2));
        branch.end();
      });
    }));
    root.end();
  });
}`);
    expect(result.errors).toEqual([]);
    const byId = new Map(result.spans.map((s) => [s.spanId, s.name]));
    const parents = Object.fromEntries(
      result.spans.map((s) => [s.name, s.parentSpanId ? byId.get(s.parentSpanId) : null]),
    );
    expect(parents).toMatchObject({ root: null, 'branch-30': 'root', 'branch-10': 'root', 'branch-20': 'root' });
    for (const ms of [10, 20, 30]) {
      expect(parents[`after-await-${ms}`]).toBe(`branch-${ms}`);
      expect(parents[`in-then-${ms}`]).toBe(`branch-${ms}`);
      expect(parents[`in-timer-${ms}`]).toBe(`branch-${ms}`);
    }
  });

  it('runs a 14-second backoff on virtual time with exact millisecond durations', async () => {
    const result = await runScenario(`${api}
export default async () => {
  const s = tracer.startSpan('wait');
  await new Promise((r) => setTimeout(r, 14_000));
  s.addEvent('woke');
  s.end();
};`);
    const [span] = result.spans;
    expect(span!.end! - span!.start).toBe(14_000);
    expect(span!.events.map((e) => e.time - span!.start)).toEqual([14_000]);
    // 14 s of real waiting would have hit the 5 s wall-clock budget: the wait was virtual.
    expect(result.limits).toEqual([]);
  });

  it('gives the same spans for the same seed, and other ids only for another seed', async () => {
    const source = `${api}export default async () => {
  await tracer.startActiveSpan('a', async (a) => {
    await new Promise((r) => setTimeout(r, 5));
    tracer.startSpan('b', { links: [{ context: a.spanContext(), attributes: { k: Math.round(1) } }] }).end();
    a.end();
  });
};`;
    const [one, two, other] = await Promise.all([
      runScenario(source, { seed: 7 }),
      runScenario(source, { seed: 7 }),
      runScenario(source, { seed: 8 }),
    ]);
    expect(two.spans).toEqual(one.spans);
    const withoutIds = (spans: typeof one.spans) =>
      spans.map(({ traceId: _t, spanId: _s, parentSpanId, links, ...rest }) => ({
        ...rest,
        hasParent: parentSpanId !== null,
        links: links.map((l) => l.attributes),
      }));
    expect(withoutIds(other.spans)).toEqual(withoutIds(one.spans));
    expect(other.spans[0]!.traceId).not.toBe(one.spans[0]!.traceId);
  });
});

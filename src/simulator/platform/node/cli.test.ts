import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fromOtlpJson } from '../../trace/otlp-import.ts';
import { runScenario } from './run-in-node.ts';

const CLI = new URL('./cli.ts', import.meta.url).pathname;
const SCENARIOS = new URL('../../../content/scenarios/', import.meta.url).pathname;

async function sim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// A scenario outside the project: its imports must resolve to the engine's own copies.
function tempScenario(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'span-lab-')), 'outside.ts');
  writeFileSync(file, source);
  return file;
}

describe('npm run sim', () => {
  it('prints OTLP JSON by default: the spans of an in-process run, hex ids, nanosecond strings', async () => {
    const file = join(SCENARIOS, 'batch-consumer.ts');
    const { code, stdout, stderr } = await sim(file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const request = JSON.parse(stdout) as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ startTimeUnixNano: unknown; traceId: string }> }> }>;
    };
    const first = request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(first.startTimeUnixNano).toBe('1735689600000000000');
    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/);
    const imported = fromOtlpJson(stdout);
    const direct = await runScenario(readFileSync(file, 'utf8'));
    expect(
      imported.ok && imported.spans.map((s) => [s.spanId, s.parentSpanId, s.name, s.start, s.end, s.links]),
    ).toEqual(direct.spans.map((s) => [s.spanId, s.parentSpanId, s.name, s.start, s.end, s.links]));
  });

  it('prints Mermaid text for --format waterfall and graph, and a summary', async () => {
    const file = join(SCENARIOS, 'batch-consumer.ts');
    const waterfall = await sim(file, '--format', 'waterfall');
    expect(waterfall.stdout).toMatch(/^(%% trace \d+ [0-9a-f]{32}\n)+gantt\n/);
    const graph = await sim(file, '--format=graph');
    expect(graph.stdout.match(/-\.->/g)).toHaveLength(3);
    const summary = await sim(file, '--format', 'summary', '--seed', '3');
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('4 traces, 7 spans, 3 links');
    expect(summary.stdout).toContain('seed 3');
  });

  it('runs a file from anywhere on disk with the engine’s own imports', async () => {
    const file = tempScenario(
      `import { trace } from '@opentelemetry/api';\nimport { sleep } from '@spanlab/world';\nexport default async () => { const s = trace.getTracer('x').startSpan('outside'); await sleep(3); s.end(); };\n`,
    );
    const { code, stdout } = await sim(file, '--format', 'summary');
    expect(code).toBe(0);
    expect(stdout).toContain('"outside" [app, internal] 0 ms → 3 ms');
  });

  it('exits non-zero with file:line:col message for a compile error and for a thrown error', async () => {
    const broken = tempScenario(`const a = 1;\nconst b = ;\n`);
    const compile = await sim(broken);
    expect(compile.code).toBe(1);
    expect(compile.stderr).toBe(`${broken}:2:11 Expression expected.\n`);
    const thrower = tempScenario(`export default async () => {\n  await null;\n  throw new Error('no stock');\n};\n`);
    const thrown = await sim(thrower, '--format', 'summary');
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toBe(`${thrower}:3:9 Error: no stock\n`);
  });

  it('exits non-zero naming the limit when one is hit', async () => {
    const file = tempScenario(`setInterval(() => {}, 60_000);\n`);
    const { code, stderr } = await sim(file, '--format', 'summary');
    expect(code).toBe(1);
    expect(stderr).toMatch(/limit virtual-time: The run was stopped after 1 h of virtual time/);
  });

  it('reads an OTLP JSON trace instead of code', async () => {
    const otlp = await sim(join(SCENARIOS, 'retry.ts'));
    const file = join(mkdtempSync(join(tmpdir(), 'span-lab-')), 'trace.json');
    writeFileSync(file, otlp.stdout);
    const { code, stdout } = await sim(file, '--format', 'summary');
    expect(code).toBe(0);
    expect(stdout).toContain('3 traces, 9 spans, 2 links');
  });

  it('prints the checks as JSON: lint findings with span ids, and the verdicts of the sibling .yaml', async () => {
    const { code, stdout } = await sim(join(SCENARIOS, 'batch-consumer-parented.ts'), '--format', 'checks');
    expect(code).toBe(0);
    const checks = JSON.parse(stdout) as {
      findings: Array<{ rule: string; severity: string; message: string; spans: string[] }>;
      expectations: Array<{ description: string; passed: boolean; message: string }>;
    };
    expect(checks.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['batch-parented-to-producer', 'error'],
      ['batch-without-links', 'warning'],
    ]);
    expect(Object.keys(checks.findings[0]!)).toEqual(['rule', 'severity', 'message', 'spans']);
    expect(checks.findings[0]!.spans).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}$/),
      expect.stringMatching(/^[0-9a-f]{16}$/),
    ]);
    expect(checks.expectations).toEqual([
      { description: '3 spans match `send orders`, each in a trace of its own', passed: true, message: '' },
      {
        description: '`process-message-batch` is a child of `send orders` and has no links',
        passed: true,
        message: '',
      },
      {
        description: '3 spans match `process-message *`; each is a child of `process-message-batch`',
        passed: true,
        message: '',
      },
    ]);
  });

  it('shows findings and failed expectations readably in the summary, and no expectations without a .yaml', async () => {
    const file = tempScenario(
      `import { trace } from '@opentelemetry/api';\nexport default () => { trace.getTracer('x').startSpan('job'); };\n`,
    );
    writeFileSync(
      file.replace(/\.ts$/, '.yaml'),
      'title: t\nsummary: s\nlesson: parent-child\npattern: request-steps\npractice: good\nexpectations:\n  - span: job\n    ended: true\n',
    );
    const { code, stdout } = await sim(file, '--format', 'summary');
    expect(code).toBe(0);
    expect(stdout).toContain(
      [
        'Findings — 1 error',
        '  error   span-not-ended: `job` was never ended: it is never exported — end it on every path (try/finally)',
      ].join('\n'),
    );
    expect(stdout).toContain(
      ['Expectations — 0 of 1 passed', '  ✗ `job` was ended', '      found: `job` was never ended'].join('\n'),
    );
    const alone = tempScenario(
      `import { trace } from '@opentelemetry/api';\ntrace.getTracer('x').startSpan('job').end();\n`,
    );
    expect(JSON.parse((await sim(alone, '--format', 'checks')).stdout)).toEqual({ findings: [], expectations: [] });
  });

  it("checks a user's own scenario against a sidecar that holds only expectations", async () => {
    const file = tempScenario(
      `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('x');\nexport default () => {\n  tracer.startActiveSpan('job', (job) => {\n    tracer.startSpan('step').end();\n    job.end();\n  });\n};\n`,
    );
    writeFileSync(
      file.replace(/\.ts$/, '.yaml'),
      'expectations:\n  - span: job\n    root: true\n  - span: step\n    parent: job\n  - span: missing\n',
    );
    const { code, stdout, stderr } = await sim(file, '--format', 'checks');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const checks = JSON.parse(stdout) as { findings: unknown[]; expectations: Array<{ passed: boolean }> };
    expect(checks.findings).toEqual([]);
    expect(checks.expectations.map((verdict) => verdict.passed)).toEqual([true, true, false]);
  });

  it('lints an OTLP JSON trace from elsewhere, and rejects invalid metadata with its path', async () => {
    const otlp = await sim(join(SCENARIOS, 'retry-nested.ts'));
    const file = join(mkdtempSync(join(tmpdir(), 'span-lab-')), 'trace.json');
    writeFileSync(file, otlp.stdout);
    const checks = JSON.parse((await sim(file, '--format', 'checks')).stdout) as { findings: Array<{ rule: string }> };
    expect(checks.findings.map((f) => f.rule)).toEqual(['retry-nested', 'retry-nested']);
    writeFileSync(file.replace(/\.json$/, '.yaml'), 'title: t\nexpectations: 3\n');
    const invalid = await sim(file, '--format', 'checks');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain(`${file.replace(/\.json$/, '.yaml')}: invalid metadata:\n`);
    expect(invalid.stderr).toContain('expectations: Invalid input: expected array, received number');
  });

  it('prints the rows of --sql as a JSON array of objects, for a scenario and for an OTLP JSON trace', async () => {
    const file = join(SCENARIOS, 'batch-consumer.ts');
    const batchQuery = [
      '-- Find spans with multiple links (batch processing)',
      'SELECT s.span_id, s.name, COUNT(l.linked_span_id) as link_count',
      'FROM spans s',
      'JOIN span_links l ON l.source_span_id = s.span_id',
      'GROUP BY s.span_id, s.name',
      'HAVING COUNT(l.linked_span_id) > 1',
      'ORDER BY link_count DESC',
    ].join('\n');
    const { code, stdout, stderr } = await sim(file, '--sql', batchQuery);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ span_id: string; name: string; link_count: number }>;
    expect(rows.map(({ name, link_count }) => ({ name, link_count }))).toEqual([
      { name: 'process-message-batch', link_count: 3 },
    ]);
    expect(rows[0]!.span_id).toMatch(/^[0-9a-f]{16}$/);
    const trace = join(mkdtempSync(join(tmpdir(), 'span-lab-')), 'trace.json');
    writeFileSync(trace, (await sim(file)).stdout);
    const linked = await sim(
      trace,
      `--sql=SELECT linked.name FROM spans AS linked JOIN span_links AS link ON link.linked_span_id = linked.span_id WHERE link.source_span_id = '${rows[0]!.span_id}'`,
    );
    expect(JSON.parse(linked.stdout)).toEqual([
      { name: 'send orders' },
      { name: 'send orders' },
      { name: 'send orders' },
    ]);
  });

  it('reports bad SQL at its position, and stops a query that runs too long', async () => {
    const file = join(SCENARIOS, 'batch-consumer.ts');
    const bad = await sim(file, '--sql', 'SELECT name\nFORM spans');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('sql:2:6: near "spans": syntax error\n');
    const endless = await sim(
      file,
      '--sql',
      'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c',
    );
    expect(endless.code).toBe(1);
    expect(endless.stderr).toBe('sql: The query ran past 3 s and was stopped.\n');
  });

  it('rejects bad arguments with the usage', async () => {
    expect((await sim()).stderr).toMatch(/^usage: npm run sim/);
    expect((await sim('--help')).stdout).toMatch(/\n {7}npx span-lab lint <file…> \[--fail-on error\|warning\]/);
    expect((await sim('x.ts', '--format', 'pdf')).stderr).toMatch(/unknown format 'pdf'/);
  });

  it('rejects a bad --sampler or --context saying which option and what is wrong', async () => {
    const ratio = await sim('x.ts', '--sampler', 'ratio:1.5');
    expect(ratio.code).toBe(2);
    expect(ratio.stderr).toBe(
      '--sampler "ratio:1.5": the ratio must be a number from 0 to 1 (the share of traces kept), e.g. ratio:0.25\n',
    );
    expect((await sim('x.ts', '--sampler', 'sometimes')).stderr).toMatch(
      /^--sampler "sometimes" is not a sampler: use always, never, ratio:P/,
    );
    expect((await sim('x.ts', '--context', 'zone')).stderr).toMatch(/^--context 'zone': use async .* or stack/);
  });

  it('runs with --context stack and --sampler, and the summary counts the spans started, kept and dropped and the links that dangle', async () => {
    const file = tempScenario(
      `import { trace } from '@opentelemetry/api';\nimport { sleep } from '@spanlab/world';\nconst tracer = trace.getTracer('x');\nexport default async () => tracer.startActiveSpan('request', async (span) => { await sleep(1); tracer.startSpan('after-await').end(); span.end(); });\n`,
    );
    const stack = await sim(file, '--format', 'summary', '--context', 'stack', '--sampler', 'always');
    expect(stack.code).toBe(0);
    expect(stack.stdout).toContain('2 traces, 2 spans, 0 links');
    expect(stack.stdout).toContain(
      'seed 1, context stack, sampler always\nSpans — 2 started, 2 kept, 0 dropped by the sampler; 0 links dangle',
    );
    const never = await sim(file, '--sampler', 'never');
    expect(never.code).toBe(0);
    expect(JSON.parse(never.stdout)).toEqual({ resourceSpans: [] });
    const counted = await sim(
      join(SCENARIOS, 'batch-consumer.ts'),
      '--format',
      'summary',
      '--sampler',
      'ratio:0.5',
      '--seed',
      '4',
    );
    expect(counted.stdout).toMatch(/Spans — 7 started, \d kept, \d dropped by the sampler; \d links? dangles?/);
    const rows = await sim(
      join(SCENARIOS, 'batch-consumer.ts'),
      '--sampler',
      'never',
      '--sql',
      'SELECT count(*) AS n FROM spans',
    );
    expect(JSON.parse(rows.stdout)).toEqual([{ n: 0 }]);
  });

  it('marks in --format graph the links whose target the sampler did not keep, and draws that target as never exported', async () => {
    const args = ['--seed', '4', '--context', 'stack', '--sampler', 'ratio:0.5'];
    const graph = await sim(join(SCENARIOS, 'batch-consumer.ts'), '--format', 'graph', ...args);
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain('x0(["shop › send orders (not kept) · trace never exported"])');
    expect(graph.stdout).toContain('x0 -.->|"messaging.message.id=m1 · target not kept"| s2');
    expect(graph.stdout).toContain('class x0 notkept');
  });
});

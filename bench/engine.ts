/** Engine benchmarks: throughput beside the bare SDK, virtual backoff cost, 10,000 spans. */
import { readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { runScenario } from '@spanlab/engine/node';
import { median } from './stats.ts';

export interface Row {
  name: string;
  median: number;
  unit: string;
  target?: string;
  /** The figure before the first-Run work (issue 11), where the issue measured one. */
  today?: string;
}

const SPANS = 5_000;

function throughputSource(links: number): string {
  return `import { trace } from '@opentelemetry/api';
const tracer = trace.getTracer('bench');
const root = tracer.startSpan('root');
const target = root.spanContext();
root.end();
for (let i = 0; i < ${SPANS}; i++) {
  const links = Array.from({ length: ${links} }, (_, j) => ({ context: target, attributes: { 'link.index': j } }));
  tracer.startSpan('span', ${links} === 0 ? {} : { links }).end();
}`;
}

// The baseline runs in a fresh process too: the engine's is new for every run, so both are
// measured as cold as each other.
function bareSdkMs(links: number): Promise<number> {
  const child = fork(new URL('./bare-sdk-process.ts', import.meta.url), [String(SPANS), String(links)]);
  return new Promise((resolve, reject) => {
    child.once('message', (message: { elapsed: number; finished: number }) => {
      child.kill();
      if (message.finished !== SPANS + 1) reject(new Error('bare SDK lost spans'));
      else resolve(message.elapsed);
    });
    child.once('error', reject);
  });
}

/** Runs the engine benchmarks `runs` times each and returns their medians. */
export async function benchEngine(runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const links of [0, 3, 100]) {
    const engine: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await runScenario(throughputSource(links));
      if (result.spans.length !== SPANS + 1) throw new Error(`engine kept ${result.spans.length} spans`);
      engine.push(result.stats.wallMs);
      bare.push(await bareSdkMs(links));
    }
    const engineMs = median(engine);
    const bareMs = median(bare);
    rows.push({
      name: `engine spans/s, ${links} links/span`,
      median: Math.round((SPANS / engineMs) * 1000),
      unit: 'spans/s',
    });
    rows.push({
      name: `bare SDK spans/s, ${links} links/span`,
      median: Math.round((SPANS / bareMs) * 1000),
      unit: 'spans/s',
    });
    rows.push({
      name: `engine overhead, ${links} links/span`,
      median: Number((engineMs / bareMs).toFixed(2)),
      unit: '× bare SDK',
      target: '≤ 2×',
    });
  }

  const retry = readFileSync(new URL('../src/content/scenarios/retry.ts', import.meta.url), 'utf8');
  const retryMs: number[] = [];
  const retryTotal: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await runScenario(retry);
    retryTotal.push(performance.now() - started);
    if (result.stats.virtualMs < 6_000) throw new Error('retry did not back off');
    retryMs.push(result.stats.wallMs);
  }
  rows.push({
    name: 'retry scenario (6 s virtual backoff), engine time',
    median: round(median(retryMs)),
    unit: 'ms',
    target: '≤ 50 ms',
  });
  rows.push({
    name: 'retry scenario, total with compile and process start',
    median: round(median(retryTotal)),
    unit: 'ms',
  });

  const tenThousand = `import { trace } from '@opentelemetry/api';
const tracer = trace.getTracer('bench');
export default async () => {
  for (let i = 0; i < 10_000; i++) {
    await tracer.startActiveSpan('step ' + i, async (span) => {
      await new Promise((r) => setTimeout(r, 1));
      span.end();
    });
  }
};`;
  const bigMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await runScenario(tenThousand);
    if (result.spans.length !== 10_000) throw new Error('10,000 spans expected');
    bigMs.push(result.stats.wallMs);
  }
  rows.push({
    name: '10,000 spans (each awaiting a timer), engine time',
    median: round(median(bigMs)),
    unit: 'ms',
    target: '≤ 1000 ms',
  });
  return rows;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateExpectations, lintTrace, type RunResult } from '@spanlab/engine';
import { parseScenarioMeta, type ScenarioMeta } from '../../course/scenario-meta.ts';
import { runScenarioFile, type SpanShape, traceShape } from '@spanlab/engine/testing';

const DIR = new URL('./', import.meta.url);
const SCENARIOS = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort();

/** The context manager and sampler a scenario's metadata asks for (a lesson's `<Scenario>` runs it so). */
function runSettings(file: string): { context?: 'async' | 'stack'; sampler?: ScenarioMeta['sampler'] } {
  const parsed = parseScenarioMeta(parse(readFileSync(new URL(file.replace(/\.ts$/, '.yaml'), DIR), 'utf8')));
  if (!parsed.ok) return {};
  const { context, sampler } = parsed.meta;
  return { ...(context === undefined ? {} : { context }), ...(sampler === undefined ? {} : { sampler }) };
}

// One run per scenario for the whole file: the checks and the shape tests below read the same
// spans. Runs start at once, two at a time (each run is a sandbox of its own; two cores).
const LANES = 2;
const runs = new Map<string, Promise<RunResult>>();
for (let lane = 0; lane < LANES; lane++) {
  let previous: Promise<unknown> = Promise.resolve();
  for (const file of SCENARIOS.filter((_, i) => i % LANES === lane)) {
    const result = previous.then(() => runScenarioFile(file, runSettings(file)));
    runs.set(file, result);
    previous = result;
  }
}
const run = (file: string): Promise<RunResult> => runs.get(file) ?? Promise.reject(new Error(`no scenario ${file}`));

// Spans written by the scenario itself, without the world's HTTP and database spans.
const ownSpans = (shape: SpanShape[]): SpanShape[] => shape.filter((s) => !/ (client|server)\]/.test(s.span));

describe('every scenario runs, passes its expectations, and lints as its metadata says', () => {
  it('has a metadata file beside each scenario, and a scenario for each metadata file', () => {
    const metadata = readdirSync(DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(metadata).toEqual(SCENARIOS.map((f) => f.replace(/\.ts$/, '.yaml')));
  });

  it.each(SCENARIOS)('%s', async (file) => {
    const parsed = parseScenarioMeta(parse(readFileSync(new URL(file.replace(/\.ts$/, '.yaml'), DIR), 'utf8')));
    if (!parsed.ok) throw new Error(`${file}: invalid metadata:\n${parsed.error}`);
    const { meta } = parsed;
    const result = await run(file);
    expect(result.errors).toEqual([]);
    expect(result.limits).toEqual([]);
    expect(meta.expectations.length).toBeGreaterThan(0);
    expect(evaluateExpectations(result.spans, meta.expectations).filter((v) => !v.passed)).toEqual([]);
    const findings = lintTrace(result.spans);
    if (meta.practice === 'good') expect(findings).toEqual([]);
    // A pitfall's trace is wrong in a way no rule can see; its expectations pin the broken shape.
    else if (meta.practice === 'anti-pattern') expect(findings.map((f) => f.rule)).toContain(meta.teaches);
    if (meta.contrast !== undefined) expect(SCENARIOS).toContain(`${meta.contrast}.ts`);
  });
});

describe('the seed patterns, run against the real SDK', () => {
  it('process-order: one trace, three children, the later ones started after an await', async () => {
    const result = await run('order-processing.ts');
    expect(result.errors).toEqual([]);
    const order = 'process-order [app internal] 0–55';
    expect(traceShape(result.spans)).toEqual([
      { span: order, parent: null, trace: 1 },
      { span: 'validate-order [app internal] 0–10', parent: order, trace: 1 },
      { span: 'process-payment [app internal] 10–52', parent: order, trace: 1 },
      { span: 'POST /charge [app client] 10–52', parent: 'process-payment [app internal] 10–52', trace: 1 },
      { span: 'POST /charge [payment-service server] 11–51', parent: 'POST /charge [app client] 10–52', trace: 1 },
      { span: 'send-confirmation [app internal] 52–55', parent: order, trace: 1 },
      { span: 'INSERT confirmations [app client] 52–55', parent: 'send-confirmation [app internal] 52–55', trace: 1 },
    ]);
  });

  it('HTTP chain A → B → C: one trace across three services, traceparent carried', async () => {
    const result = await run('http-chain.ts');
    expect(result.errors).toEqual([]);
    expect(traceShape(result.spans)).toEqual([
      { span: 'user clicks home [app client] 0–23', parent: null, trace: 1 },
      { span: 'GET /home [app client] 0–23', parent: 'user clicks home [app client] 0–23', trace: 1 },
      { span: 'GET /home [service-a server] 1–22', parent: 'GET /home [app client] 0–23', trace: 1 },
      { span: 'GET /api/data [service-a client] 6–22', parent: 'GET /home [service-a server] 1–22', trace: 1 },
      { span: 'GET /api/data [service-b server] 7–21', parent: 'GET /api/data [service-a client] 6–22', trace: 1 },
      { span: 'GET /api/enrich [service-b client] 11–21', parent: 'GET /api/data [service-b server] 7–21', trace: 1 },
      {
        span: 'GET /api/enrich [service-c server] 12–20',
        parent: 'GET /api/enrich [service-b client] 11–21',
        trace: 1,
      },
    ]);
    const resources = new Set(result.spans.map((s) => s.resource['service.name']));
    expect(resources).toEqual(new Set(['app', 'service-a', 'service-b', 'service-c']));
  });

  it('batch consumer: a root with one link per message carrying its id, a child per message', async () => {
    const result = await run('batch-consumer.ts');
    expect(result.errors).toEqual([]);
    const batch = 'process-message-batch [order-worker consumer] 25–40';
    expect(traceShape(result.spans)).toEqual([
      { span: 'send orders [shop producer] 0–0', parent: null, trace: 1 },
      { span: 'send orders [shop producer] 10–10', parent: null, trace: 2 },
      { span: 'send orders [shop producer] 20–20', parent: null, trace: 3 },
      {
        span: batch,
        parent: null,
        trace: 4,
        links: [
          { to: 'send orders [shop producer] 0–0', trace: 1, attributes: { 'messaging.message.id': 'm1' } },
          { to: 'send orders [shop producer] 10–10', trace: 2, attributes: { 'messaging.message.id': 'm2' } },
          { to: 'send orders [shop producer] 20–20', trace: 3, attributes: { 'messaging.message.id': 'm3' } },
        ],
      },
      { span: 'process-message m1 [order-worker internal] 25–30', parent: batch, trace: 4 },
      { span: 'process-message m2 [order-worker internal] 30–35', parent: batch, trace: 4 },
      { span: 'process-message m3 [order-worker internal] 35–40', parent: batch, trace: 4 },
    ]);
  });

  it('fan-out under Promise.all: calls are children; the aggregate links to each branch in input order', async () => {
    const result = await run('fan-out.ts');
    expect(result.errors).toEqual([]);
    const root = 'orchestrate-request [app internal] 0–32';
    const shape = traceShape(result.spans);
    expect(shape.filter((s) => s.span.startsWith('call '))).toEqual([
      { span: 'call inventory [app internal] 0–32', parent: root, trace: 1 },
      { span: 'call pricing [app internal] 0–12', parent: root, trace: 1 },
      { span: 'call reviews [app internal] 0–22', parent: root, trace: 1 },
    ]);
    expect(shape.filter((s) => s.span.includes('server'))).toEqual([
      { span: 'GET /data [inventory server] 1–31', parent: 'GET /data [app client] 0–32', trace: 1 },
      { span: 'GET /data [pricing server] 1–11', parent: 'GET /data [app client] 0–12', trace: 1 },
      { span: 'GET /data [reviews server] 1–21', parent: 'GET /data [app client] 0–22', trace: 1 },
    ]);
    expect(shape.find((s) => s.span.startsWith('aggregate-results'))).toEqual({
      span: 'aggregate-results [app internal] 32–32',
      parent: root,
      trace: 1,
      links: [
        { to: 'call inventory [app internal] 0–32', trace: 1, attributes: { 'source.name': 'inventory' } },
        { to: 'call pricing [app internal] 0–12', trace: 1, attributes: { 'source.name': 'pricing' } },
        { to: 'call reviews [app internal] 0–22', trace: 1, attributes: { 'source.name': 'reviews' } },
      ],
    });
  });

  it('retry: each attempt its own trace linking to the first, under 2 s + 4 s of virtual backoff', async () => {
    const result = await run('retry.ts');
    expect(result.errors).toEqual([]);
    const attempts = traceShape(result.spans).filter((s) => s.span.startsWith('charge-attempt'));
    const first = 'charge-attempt [app internal] 0–52';
    const link = { to: first, trace: 1, attributes: { 'link.type': 'retry-of', 'retry.original_attempt': 1 } };
    expect(attempts).toEqual([
      { span: first, parent: null, trace: 1 },
      { span: 'charge-attempt [app internal] 2052–2104', parent: null, trace: 2, links: [link] },
      { span: 'charge-attempt [app internal] 6104–6156', parent: null, trace: 3, links: [link] },
    ]);
    expect(result.spans.filter((s) => s.name === 'charge-attempt').map((s) => s.status.code)).toEqual([
      'error',
      'error',
      'unset',
    ]);
    expect(result.stats.virtualMs).toBe(6156);
  });
});

describe('the course scenarios: their own spans, without the world’s HTTP and database spans', () => {
  it('publish → consume: both consumers link to the creation context; shipping’s span is also its child, analytics’ starts a trace', async () => {
    const send = 'send orders [shop producer] 0–0';
    expect(ownSpans(traceShape((await run('publish-consume.ts')).spans))).toEqual([
      { span: send, parent: null, trace: 1 },
      {
        span: 'process orders [shipping consumer] 5–8',
        parent: send,
        trace: 1,
        links: [{ to: send, trace: 1, attributes: { 'messaging.message.id': 'm1' } }],
      },
      {
        span: 'process orders [analytics consumer] 5–8',
        parent: null,
        trace: 2,
        links: [{ to: send, trace: 1, attributes: { 'messaging.message.id': 'm1' } }],
      },
    ]);
  });

  it('anti-pattern: the batch is a child of the first producer, and the other two traces never reach it', async () => {
    const batch = 'process-message-batch [order-worker consumer] 25–40';
    expect(traceShape((await run('batch-consumer-parented.ts')).spans)).toEqual([
      { span: 'send orders [shop producer] 0–0', parent: null, trace: 1 },
      { span: 'send orders [shop producer] 10–10', parent: null, trace: 2 },
      { span: 'send orders [shop producer] 20–20', parent: null, trace: 3 },
      { span: batch, parent: 'send orders [shop producer] 0–0', trace: 1 },
      { span: 'process-message m1 [order-worker internal] 25–30', parent: batch, trace: 1 },
      { span: 'process-message m2 [order-worker internal] 30–35', parent: batch, trace: 1 },
      { span: 'process-message m3 [order-worker internal] 35–40', parent: batch, trace: 1 },
    ]);
  });

  it('anti-pattern: nested retries, three deep in one trace, the failed first attempt spanning all', async () => {
    expect(ownSpans(traceShape((await run('retry-nested.ts')).spans))).toEqual([
      { span: 'charge-attempt [app internal] 0–6156', parent: null, trace: 1 },
      { span: 'charge-attempt [app internal] 2052–6156', parent: 'charge-attempt [app internal] 0–6156', trace: 1 },
      { span: 'charge-attempt [app internal] 6104–6156', parent: 'charge-attempt [app internal] 2052–6156', trace: 1 },
    ]);
  });

  it('scheduled cleanup: a trace of its own, ten minutes later, linking to the span that stored each file', async () => {
    const stored = ['5–8', '1014–1017', '2023–2026'].map((t) => `store-temp-file [upload-service internal] ${t}`);
    const job = 'cleanup-temp-files [cleanup-worker internal] 600000–600006';
    const shape = ownSpans(traceShape((await run('scheduled-cleanup.ts')).spans));
    expect(shape.slice(3)).toEqual([
      { span: job, parent: null, trace: 4 },
      {
        span: 'delete-expired-files [cleanup-worker internal] 600003–600006',
        parent: job,
        trace: 4,
        links: stored.map((to, i) => ({ to, trace: i + 1, attributes: { 'file.id': `f-${i + 1}` } })),
      },
    ]);
  });

  it('e-commerce: each notification batch is a trace of its own, linking to the orders it confirms', async () => {
    const orders = ['0–48', '5048–5096', '40096–40144'].map((t) => `place-order [storefront internal] ${t}`);
    const batches = ownSpans(traceShape((await run('ecommerce-notifications.ts')).spans)).filter((s) =>
      s.span.startsWith('send-notification-batch'),
    );
    expect(batches).toEqual([
      {
        span: 'send-notification-batch [notifier internal] 30003–30034',
        parent: 'notification-job [notifier internal] 30000–30034',
        trace: 3,
        links: [
          { to: orders[0], trace: 1, attributes: { 'order.id': 'order-1' } },
          { to: orders[1], trace: 2, attributes: { 'order.id': 'order-2' } },
        ],
      },
      {
        span: 'send-notification-batch [notifier internal] 60003–60020',
        parent: 'notification-job [notifier internal] 60000–60020',
        trace: 5,
        links: [{ to: orders[2], trace: 4, attributes: { 'order.id': 'order-3' } }],
      },
    ]);
  });

  it('ETL: the run links to three exports from three traces; extract, transform and load are its children', async () => {
    const run4 = 'etl-run [warehouse internal] 600000–600126';
    const shape = ownSpans(traceShape((await run('etl-pipeline.ts')).spans));
    expect(shape.map((s) => [s.span, s.parent, s.trace])).toEqual([
      ['export customers [crm internal] 60000–60003', null, 1],
      ['export invoices [billing internal] 180000–180003', null, 2],
      ['export sessions [web-analytics internal] 240000–240003', null, 3],
      [run4, null, 4],
      ['extract [warehouse internal] 600000–600003', run4, 4],
      ['transform [warehouse internal] 600003–600123', run4, 4],
      ['load [warehouse internal] 600123–600126', run4, 4],
    ]);
    expect(shape[3]!.links?.map((l) => [l.trace, l.attributes['etl.source']])).toEqual([
      [1, 'crm'],
      [2, 'billing'],
      [3, 'web-analytics'],
    ]);
  });

  it('saga: steps and compensation are children of the saga; the compensation links to the steps it undoes', async () => {
    const saga = 'book-trip [app internal] 0–105';
    const flight = 'saga-step reserve-flight [app internal] 0–22';
    const hotel = 'saga-step reserve-hotel [app internal] 22–39';
    const compensation = 'saga-compensation [app internal] 66–105';
    const link = (to: string, step: string) => ({
      to,
      trace: 1,
      attributes: { 'saga.step.name': step, 'link.type': 'compensates' },
    });
    expect(ownSpans(traceShape((await run('saga.ts')).spans))).toEqual([
      { span: saga, parent: null, trace: 1 },
      { span: flight, parent: saga, trace: 1 },
      { span: hotel, parent: saga, trace: 1 },
      { span: 'saga-step charge-card [app internal] 39–66', parent: saga, trace: 1 },
      {
        span: compensation,
        parent: saga,
        trace: 1,
        links: [link(flight, 'reserve-flight'), link(hotel, 'reserve-hotel')],
      },
      { span: 'undo reserve-hotel [app internal] 66–83', parent: compensation, trace: 1 },
      { span: 'undo reserve-flight [app internal] 83–105', parent: compensation, trace: 1 },
    ]);
  });

  it('anti-pattern: the compensation runs inside the failed step, which now lasts until it is done', async () => {
    const failed = 'saga-step charge-card [app internal] 39–105';
    const shape = ownSpans(traceShape((await run('saga-compensation-nested.ts')).spans));
    expect(shape.slice(3)).toEqual([
      { span: failed, parent: 'book-trip [app internal] 0–105', trace: 1 },
      { span: 'saga-compensation [app internal] 66–105', parent: failed, trace: 1 },
    ]);
  });
});

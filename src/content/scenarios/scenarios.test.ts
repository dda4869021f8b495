import { describe, expect, it } from 'vitest';
import { runScenarioFile, traceShape } from '../../simulator/testing/trace-shape.ts';

describe('the seed patterns, run against the real SDK', () => {
  it('process-order: one trace, three children, the later ones started after an await', async () => {
    const result = await runScenarioFile('order-processing.ts');
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
    const result = await runScenarioFile('http-chain.ts');
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
    const result = await runScenarioFile('batch-consumer.ts');
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
    const result = await runScenarioFile('fan-out.ts');
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
    const result = await runScenarioFile('retry.ts');
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

import { describe, expect, it } from 'vitest';
import { runScenario } from '../platform/node/run-in-node.ts';

const imports = `import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { broker, service, sleep } from '@spanlab/world';
const tracer = trace.getTracer('t');
`;

async function servicesOf(source: string): Promise<Record<string, string>> {
  const result = await runScenario(`${imports}${source}`);
  expect(result.errors).toEqual([]);
  // HTTP spans share a name: the client's and the server's are told apart by their kind.
  return Object.fromEntries(
    result.spans.map((s) => [s.kind === 'internal' ? s.name : `${s.name} [${s.kind}]`, s.service]),
  );
}

describe('the running service is kept beside the OpenTelemetry context, not in it', () => {
  it('a consumer that extracts onto ROOT_CONTEXT starts a linked root span and an active ROOT_CONTEXT span as its own service', async () => {
    const services = await servicesOf(`
const orders = broker.topic('orders');
orders.subscribe(async (message) => {
  const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
  const linked = tracer.startSpan('linked-root', { root: true, links: creation ? [{ context: creation }] : [] });
  await sleep(2);
  linked.end();
  await tracer.startActiveSpan('active-on-root', {}, ROOT_CONTEXT, async (span) => {
    await sleep(1);
    tracer.startSpan('child-after-await').end();
    await new Promise<void>((resolve) => setTimeout(() => { tracer.startSpan('child-in-timer').end(); resolve(); }, 1));
    span.end();
  });
}, { service: 'billing' });
export default async function main() {
  await tracer.startActiveSpan('publish', async (span) => {
    await orders.publish({ id: 1 });
    span.end();
  });
}`);
    expect(services).toEqual({
      publish: 'app',
      'linked-root': 'billing',
      'active-on-root': 'billing',
      'child-after-await': 'billing',
      'child-in-timer': 'billing',
    });
  });

  it('service.run and a route handler keep their service for root spans and spans on an explicit ROOT_CONTEXT', async () => {
    const services = await servicesOf(`
const worker = service('worker');
const api = service('api').route('GET /x', async (request) => {
  const remote = propagation.extract(ROOT_CONTEXT, request.headers);
  await sleep(1);
  tracer.startSpan('handler-linked', { root: true, links: [{ context: trace.getSpanContext(remote)! }] }).end();
  tracer.startSpan('handler-child', {}, remote).end();
  return 'ok';
});
export default async function main() {
  await worker.run(async () => {
    tracer.startSpan('run-root', { root: true }).end();
    await sleep(1);
    tracer.startSpan('run-on-root-context', {}, ROOT_CONTEXT).end();
    await api.call('GET /x');
  });
  tracer.startSpan('main-after').end();
}`);
    expect(services).toEqual({
      'run-root': 'worker',
      'run-on-root-context': 'worker',
      'GET /x [client]': 'worker',
      'GET /x [server]': 'api',
      'handler-linked': 'api',
      'handler-child': 'api',
      'main-after': 'app',
    });
  });
});

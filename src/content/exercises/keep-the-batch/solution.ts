import { context, propagation, ROOT_CONTEXT, SpanKind, trace, TraceFlags, type Link } from '@opentelemetry/api';
import {
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace-base';
import { broker, service, sleep, type Message } from '@spanlab/world';

const ratio = new TraceIdRatioBasedSampler(0.5);
// Keeps a span when any span it links to was sampled; else as the ratio
// says.
const linkAware: Sampler = {
  shouldSample: (ctx, traceId, _name, _kind, _attributes, links) =>
    links.some((link) => (link.context.traceFlags & TraceFlags.SAMPLED) !== 0)
      ? { decision: SamplingDecision.RECORD_AND_SAMPLED }
      : ratio.shouldSample(ctx, traceId),
  toString: () => 'LinkAwareSampler',
};
// Roots are link-aware; every other span takes its parent's decision.
export const sampler: Sampler = new ParentBasedSampler({ root: linkAware });

const tracer = trace.getTracer('order-worker');
const orders = broker.topic('orders');

async function processBatch(messages: Message[]): Promise<void> {
  const links: Link[] = [];
  for (const message of messages) {
    const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    if (creation) links.push({ context: creation, attributes: { 'messaging.message.id': message.id } });
  }
  const batch = tracer.startSpan('process batch', { kind: SpanKind.CONSUMER, links });
  await context.with(trace.setSpan(context.active(), batch), async () => {
    for (const message of messages) {
      const span = tracer.startSpan(`handle ${message.id}`);
      await sleep(5);
      span.end();
    }
  });
  batch.end();
}

orders.subscribeBatch(processBatch, { service: 'order-worker', maxMessages: 4, maxWaitMs: 50 });

export default async function main(): Promise<void> {
  await service('shop').run(async () => {
    for (const orderId of ['o-1', 'o-2', 'o-3', 'o-4']) {
      await tracer.startActiveSpan('send order', { kind: SpanKind.PRODUCER }, async (span) => {
        await orders.publish({ orderId });
        span.end();
      });
    }
  });
}

/** Worker entry for the benchmark's baseline: the bare SDK in a fresh realm, as cold as the engine's. */
import { parentPort, workerData } from 'node:worker_threads';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

const { spans, links } = workerData as { spans: number; links: number };
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('bench');
const started = performance.now();
const root = tracer.startSpan('root');
const target = root.spanContext();
root.end();
for (let i = 0; i < spans; i++) {
  const spanLinks = Array.from({ length: links }, (_, j) => ({ context: target, attributes: { 'link.index': j } }));
  tracer.startSpan('span', links === 0 ? {} : { links: spanLinks }).end();
}
const elapsed = performance.now() - started;
parentPort!.postMessage({ elapsed, finished: exporter.getFinishedSpans().length });

/** Child-process entry for the benchmark's baseline: the bare SDK in a fresh process, as cold as the engine's. */
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

const [spans, links] = process.argv.slice(2).map(Number) as [number, number];
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
process.send?.({ elapsed, finished: exporter.getFinishedSpans().length });

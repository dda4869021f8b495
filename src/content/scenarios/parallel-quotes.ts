import { trace } from '@opentelemetry/api';
import { service } from '@spanlab/world';

const tracer = trace.getTracer('travel-search');
const flights = service('flights', { latency: 40 });
const hotels = service('hotels', { latency: 25 });

export default async function main(): Promise<void> {
  await tracer.startActiveSpan('search', async (search) => {
    const sources = [flights, hotels];
    await Promise.all(sources.map((source) => source.call('GET /quote')));
    search.end();
  });
}

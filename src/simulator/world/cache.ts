import { context, SpanKind, trace } from '@opentelemetry/api';
import { onWorldReset } from './runtime.ts';
import { drawLatency, sleep, type Latency } from './time.ts';

const entries = new Map<string, { value: unknown; expiresAt: number }>();
let latency: Latency = 1;
onWorldReset(() => {
  entries.clear();
  latency = 1;
});

async function command<T>(name: 'GET' | 'SET' | 'DEL', key: string, body: () => T): Promise<T> {
  const span = trace.getTracer('@spanlab/world/cache').startSpan(
    name,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'redis', 'db.operation.name': name, 'db.query.text': `${name} ${key}` },
    },
    context.active(),
  );
  await sleep(drawLatency(latency));
  const result = body();
  span.end();
  return result;
}

/** The simulated cache (Redis-like): each command a CLIENT span with a latency. */
export const cache = {
  /** Sets how long each command takes (default 1 ms). */
  configure(options: { latency?: Latency }): void {
    if (options.latency !== undefined) latency = options.latency;
  },

  /** The value under `key`, or undefined when missing or expired. */
  get<T = unknown>(key: string): Promise<T | undefined> {
    return command('GET', key, () => {
      const entry = entries.get(key);
      return entry && entry.expiresAt > Date.now() ? (entry.value as T) : undefined;
    });
  },

  /** Stores `value` under `key`, for `ttlMs` milliseconds (forever without it). */
  set(key: string, value: unknown, ttlMs = Infinity): Promise<void> {
    return command('SET', key, () => {
      entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    });
  },

  /** Removes `key`. */
  delete(key: string): Promise<void> {
    return command('DEL', key, () => {
      entries.delete(key);
    });
  },
};

import {
  context as contextApi,
  diag,
  type Link,
  trace,
  type Context,
  type Span,
  type SpanOptions,
  type Tracer,
  type TracerOptions,
  type TracerProvider,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type TracerConfig } from '@opentelemetry/sdk-trace-base';
import { runningService } from './running-service.ts';
import type { VirtualClock } from './VirtualClock.ts';

/** Makes one service's SDK provider from its config. */
export type CreateTracerProvider = (config: TracerConfig) => BasicTracerProvider;

/**
 * The global tracer provider of a run. Each simulated service has its own real SDK
 * provider (BasicTracerProvider, or the browser host's WebTracerProvider) with its own `service.name` resource — as each process of a real system
 * would — sharing the run's id generator, sampler and span processor. A tracer from
 * `trace.getTracer()` starts each span in the provider of the service running now (kept beside
 * the OpenTelemetry context, never in it: see SandboxContextManager), and
 * stamps it with the virtual clock as an HrTime, so durations are exact milliseconds.
 */
export class ServiceTracerProvider implements TracerProvider {
  readonly #config: Omit<TracerConfig, 'resource'>;
  readonly #clock: VirtualClock;
  readonly #defaultService: string;
  readonly #providers = new Map<string, BasicTracerProvider>();
  readonly #create: CreateTracerProvider;

  constructor(
    config: Omit<TracerConfig, 'resource'>,
    clock: VirtualClock,
    defaultService: string,
    create: CreateTracerProvider = (serviceConfig) => new BasicTracerProvider(serviceConfig),
  ) {
    this.#config = config;
    this.#clock = clock;
    this.#defaultService = defaultService;
    this.#create = create;
  }

  getTracer(name: string, version?: string, options?: TracerOptions): Tracer {
    return new ServiceTracer(this, name, version, options);
  }

  /** The SDK tracer of a scope in the service running now. */
  sdkTracer(name: string, version?: string, options?: TracerOptions): Tracer {
    const service = runningService() ?? this.#defaultService;
    let provider = this.#providers.get(service);
    if (!provider) {
      provider = this.#create({
        ...this.#config,
        resource: resourceFromAttributes({ 'service.name': service }),
      });
      this.#providers.set(service, provider);
    }
    return provider.getTracer(name, version, options);
  }

  /**
   * The span's options as the SDK gets them: the virtual start time when none is given, and
   * links without a span context left out with a warning (a `propagation.extract` that found
   * no `traceparent` gives none, and the SDK would fail on it far from the cause).
   */
  spanOptions(name: string, options: SpanOptions | undefined): SpanOptions {
    const prepared: SpanOptions = { ...options };
    if (prepared.startTime === undefined) prepared.startTime = this.#clock.hrNow();
    if (prepared.links?.some((link) => !isLinkable(link))) {
      const kept = prepared.links.filter(isLinkable);
      diag.warn(
        `span "${name}": ${prepared.links.length - kept.length} link(s) had no span context and were left out (did propagation.extract find no traceparent?)`,
      );
      prepared.links = kept;
    }
    return prepared;
  }
}

class ServiceTracer implements Tracer {
  readonly #provider: ServiceTracerProvider;
  readonly #name: string;
  readonly #version: string | undefined;
  readonly #options: TracerOptions | undefined;

  constructor(provider: ServiceTracerProvider, name: string, version?: string, options?: TracerOptions) {
    this.#provider = provider;
    this.#name = name;
    this.#version = version;
    this.#options = options;
  }

  startSpan(name: string, options?: SpanOptions, context: Context = contextApi.active()): Span {
    return this.#provider
      .sdkTracer(this.#name, this.#version, this.#options)
      .startSpan(name, this.#provider.spanOptions(name, options), context);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    // The API's three overloads: (fn), (options, fn), (options, context, fn).
    const fn = rest[rest.length - 1] as F;
    const options = rest.length >= 2 ? (rest[0] as SpanOptions | undefined) : undefined;
    const parent = rest.length >= 3 ? ((rest[1] as Context | undefined) ?? contextApi.active()) : contextApi.active();
    const span = this.startSpan(name, options, parent);
    return contextApi.with(trace.setSpan(parent, span), fn as (span: Span) => ReturnType<F>, undefined, span);
  }
}

// A cheap check, run for every link: a span context object with ids (the SDK validates the rest).
function isLinkable(link: Link | undefined): boolean {
  const context = link?.context as Partial<Link['context']> | null | undefined;
  return typeof context?.traceId === 'string' && typeof context.spanId === 'string';
}

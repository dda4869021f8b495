import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { runAsService } from '../runtime/running-service.ts';
import { HttpError } from './HttpError.ts';
import { callSite, onWorldReset, worldRandom } from './runtime.ts';
import { drawLatency, sleep, type Latency } from './time.ts';

/** A request as a simulated service's handler receives it. */
export interface HttpRequest {
  method: string;
  path: string;
  /** Values of `:name` segments of the route. */
  params: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** 1 for the first call to this route of this service, 2 for the next, … */
  attempt: number;
}

/** How a simulated service behaves. */
export interface ServiceOptions {
  /** Time the service takes to answer, besides its handler's own work (default 5 ms). */
  latency?: Latency;
  /** The first N calls fail with 503 (a flaky dependency). */
  failFirst?: number;
  /** Calls fail with 503 with this probability, drawn from the run's seed. */
  errorRate?: number;
  /** Decides per call whether it fails with 503. */
  failWhen?: (request: HttpRequest) => boolean;
}

/** Options of one call. */
export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: HttpRequest) => unknown;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

/** One-way network time of every simulated HTTP call. */
const NETWORK_MS = 1;

const services = new Map<string, Service>();
onWorldReset(() => services.clear());

/** A named service of the simulated system, with its own `service.name`, reached over simulated HTTP. */
export class Service {
  /** The service's name: its `service.name` and its host name. */
  readonly name: string;
  #options: ServiceOptions = {};
  readonly #routes: Route[] = [];
  readonly #attempts = new Map<string, number>();

  constructor(name: string) {
    this.name = name;
  }

  /** Changes how the service behaves (latency, failures). */
  configure(options: ServiceOptions): this {
    this.#options = { ...this.#options, ...options };
    return this;
  }

  /** Handles `METHOD /path` (segments like `:id` match anything) with a handler; its return value is the response body. */
  route(route: string, handler: Handler): this {
    const [method = 'GET', path = '/'] = route.trim().split(/\s+/, 2);
    this.#routes.push({ method: method.toUpperCase(), segments: splitPath(path), handler });
    return this;
  }

  /** Runs code as this service — a worker loop, a job, a producer — outside any request. */
  run<T>(fn: () => T): T {
    return runAsService(this.name, fn);
  }

  /**
   * Calls `METHOD /path` on this service from the code that is running now: a CLIENT span in
   * the caller's service, `traceparent` in the request headers, a SERVER span here as its child.
   * Resolves with the response body on 2xx; rejects with an HttpError otherwise.
   */
  async call(request: string, options: CallOptions = {}): Promise<unknown> {
    const site = callSite();
    const caller = context.active();
    const [rawMethod = 'GET', path = '/'] = request.trim().split(/\s+/, 2);
    const method = rawMethod.toUpperCase();
    const tracer = trace.getTracer('@spanlab/world/http');
    const client = tracer.startSpan(
      `${method} ${path}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'server.address': this.name,
          'url.full': `http://${this.name}${path}`,
        },
      },
      caller,
    );
    const headers: Record<string, string> = { ...options.headers };
    propagation.inject(trace.setSpan(caller, client), headers);
    await sleep(NETWORK_MS);
    const { status, body } = await this.#serve(method, path, headers, options.body);
    await sleep(NETWORK_MS);
    client.setAttribute('http.response.status_code', status);
    if (status >= 500) client.setStatus({ code: SpanStatusCode.ERROR });
    client.end();
    if (status < 200 || status > 299) throw new HttpError(this.name, `${method} ${path}`, status, site);
    return body;
  }

  async #serve(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const match = this.#match(method, path);
    const routeName = match ? `/${match.route.segments.join('/')}` : path;
    const remote: Context = propagation.extract(ROOT_CONTEXT, headers);
    // This world code resumes after a native `await` in whatever service ran last, so each step
    // that acts as this service says so.
    const server = runAsService(this.name, () =>
      trace.getTracer('@spanlab/world/http').startSpan(
        `${method} ${routeName}`,
        {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': method, 'http.route': routeName, 'url.path': path },
        },
        remote,
      ),
    );
    const key = `${method} ${routeName}`;
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    const request: HttpRequest = { method, path, params: match?.params ?? {}, headers, body, attempt };
    await sleep(drawLatency(this.#options.latency ?? 5));

    let status = 200;
    let response: unknown = null;
    if (this.#fails(request)) {
      status = 503;
      server.setStatus({ code: SpanStatusCode.ERROR, message: 'Service Unavailable' });
    } else if (!match && this.#routes.length > 0) {
      status = 404;
    } else if (match) {
      try {
        response = await runAsService(this.name, () =>
          context.with(trace.setSpan(remote, server), () => match.route.handler(request)),
        );
      } catch (error) {
        status = error instanceof HttpError ? error.status : 500;
        server.recordException(error instanceof Error ? error : String(error));
        server.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    server.setAttribute('http.response.status_code', status);
    server.end();
    return { status, body: response };
  }

  #fails(request: HttpRequest): boolean {
    const { failFirst = 0, errorRate = 0, failWhen } = this.#options;
    if (request.attempt <= failFirst) return true;
    if (failWhen?.(request)) return true;
    return errorRate > 0 && worldRandom() < errorRate;
  }

  #match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const segments = splitPath(path);
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const matches = route.segments.every((segment, i) => {
        const actual = segments[i] ?? '';
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = actual;
          return true;
        }
        return segment === actual;
      });
      if (matches) return { route, params };
    }
    return undefined;
  }
}

function splitPath(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}

/** The simulated service of that name (created on first use), optionally configured. */
export function service(name: string, options?: ServiceOptions): Service {
  let found = services.get(name);
  if (!found) {
    found = new Service(name);
    services.set(name, found);
  }
  if (options) found.configure(options);
  return found;
}

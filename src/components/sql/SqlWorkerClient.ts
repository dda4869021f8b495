import {
  SQL_TIME_LIMIT_MS,
  type SpanRecord,
  type SqlOutcome,
  type SqlWorkerRequest,
  type SqlWorkerResponse,
} from './sql-engine.ts';

// Loading the engine (fetching and compiling the .wasm) is not the query's time: it gets its own.
const START_LIMIT_MS = 20_000;

/**
 * The page's side of the SQL worker: starts it on first use, loads a run's spans into it once,
 * runs one query at a time and terminates the worker when a query runs past SQL_TIME_LIMIT_MS.
 */
export class SqlWorkerClient {
  #worker: Worker | null = null;
  #ready: Promise<number> | null = null;
  #loaded: readonly SpanRecord[] | null = null;

  /** Starts the worker (loading sql.js) if it is not running; settles with the engine's load time in ms. */
  start(): Promise<number> {
    if (this.#ready) return this.#ready;
    const worker = new Worker(new URL('./sql-worker.ts', import.meta.url), { type: 'module', name: 'span-lab-sql' });
    this.#worker = worker;
    this.#loaded = null;
    const started = performance.now();
    this.#ready = this.#next(worker, START_LIMIT_MS).then((response) => {
      if (typeof response === 'string' || response.type !== 'ready') {
        this.dispose();
        throw new Error('The SQL engine did not load.');
      }
      return performance.now() - started;
    });
    return this.#ready;
  }

  /** Runs a query over the spans; an error outcome when it fails or runs past the time limit. */
  async query(spans: readonly SpanRecord[], sql: string): Promise<SqlOutcome> {
    try {
      await this.start();
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    const worker = this.#worker!;
    if (this.#loaded !== spans) {
      worker.postMessage({ type: 'load', spans: [...spans] } satisfies SqlWorkerRequest);
      const loaded = await this.#next(worker, START_LIMIT_MS);
      if (typeof loaded === 'string' || loaded.type !== 'loaded') {
        this.dispose();
        return { ok: false, error: 'The spans could not be loaded into the SQL engine.' };
      }
      this.#loaded = spans;
    }
    worker.postMessage({ type: 'query', sql } satisfies SqlWorkerRequest);
    const answer = await this.#next(worker, SQL_TIME_LIMIT_MS);
    if (typeof answer === 'string') {
      this.dispose(); // sql.js cannot be interrupted: the next query starts a new worker
      return answer === 'timeout'
        ? { ok: false, error: `The query ran past ${SQL_TIME_LIMIT_MS / 1000} s and was stopped.` }
        : { ok: false, error: 'The SQL engine stopped while running the query (out of memory?).' };
    }
    return answer.type === 'outcome' ? answer.outcome : { ok: false, error: 'The SQL engine answered out of turn.' };
  }

  /** Stops the worker. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
    this.#loaded = null;
  }

  // The worker's next message, 'timeout' past the limit, or 'crashed' when the worker failed.
  #next(worker: Worker, limitMs: number): Promise<SqlWorkerResponse | 'timeout' | 'crashed'> {
    return new Promise((resolve) => {
      const done = (value: SqlWorkerResponse | 'timeout' | 'crashed'): void => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        resolve(value);
      };
      const timer = setTimeout(() => done('timeout'), limitMs);
      worker.onmessage = ({ data }: MessageEvent<SqlWorkerResponse>) => done(data);
      worker.onerror = (event) => {
        event.preventDefault();
        done('crashed');
      };
    });
  }
}

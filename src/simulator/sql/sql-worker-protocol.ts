import type { SqlJsStatic } from 'sql.js';
import type { SpanRecord } from '../trace/model.ts';
import { SpanDatabase, type SqlOutcome } from './SpanDatabase.ts';

/** How long a query may run before its worker is stopped. */
export const SQL_TIME_LIMIT_MS = 3000;

/** A message to the SQL worker: load a run's spans, or query the last spans loaded. */
export type SqlWorkerRequest = { type: 'load'; spans: SpanRecord[] } | { type: 'query'; sql: string };

/** A message from the SQL worker: it is ready (sql.js loaded), spans loaded, or a query's outcome. */
export type SqlWorkerResponse =
  | { type: 'ready'; loadMs: number }
  | { type: 'loaded'; spans: number; ms: number }
  | { type: 'outcome'; outcome: SqlOutcome };

/** The worker's side: keeps the last spans loaded as a database and answers requests. */
export class SqlWorkerState {
  readonly #sqlJs: SqlJsStatic;
  #db: SpanDatabase | null = null;

  constructor(sqlJs: SqlJsStatic) {
    this.#sqlJs = sqlJs;
  }

  /** The answer to one request; a malformed one is answered with an error outcome. */
  answer(request: unknown): SqlWorkerResponse {
    if (isRequest(request, 'load')) {
      const started = performance.now();
      this.#db?.close();
      this.#db = new SpanDatabase(this.#sqlJs, request.spans);
      return { type: 'loaded', spans: request.spans.length, ms: performance.now() - started };
    }
    if (isRequest(request, 'query')) {
      if (!this.#db)
        return { type: 'outcome', outcome: { ok: false, error: 'No run is loaded: run a scenario first.' } };
      return { type: 'outcome', outcome: this.#db.query(request.sql) };
    }
    return { type: 'outcome', outcome: { ok: false, error: 'The SQL worker got a message it does not understand.' } };
  }
}

function isRequest<T extends SqlWorkerRequest['type']>(
  value: unknown,
  type: T,
): value is Extract<SqlWorkerRequest, { type: T }> {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== type) return false;
  const fields = value as { spans?: unknown; sql?: unknown };
  return type === 'load' ? Array.isArray(fields.spans) : typeof fields.sql === 'string';
}

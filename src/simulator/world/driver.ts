import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { runAsService, runningService } from '../runtime/running-service.ts';
import { tableRows, type Row } from './db.ts';
import { EventEmitter } from './EventEmitter.ts';
import { defaultServiceName, onWorldReset } from './runtime.ts';
import { drawLatency, type Latency } from './time.ts';

/** What a query gives its callback. */
export interface QueryResult {
  /** The rows a `SELECT … FROM <table>` finds in the `db` module's table; none for other statements. */
  rows: Row[];
  rowCount: number;
}

/** How the driver behaves. */
export interface DriverOptions {
  /** Time each query takes (default 3 ms). */
  latency?: Latency;
  /** Decides per statement whether it fails (its callback gets an Error; a stream emits `error`). */
  failWhen?: (sql: string) => boolean;
}

/** A callback-style query's callback, as in Node's older drivers: an error or null, then the result. */
export type QueryCallback = (error: Error | null, result: QueryResult) => void;

let options: DriverOptions = {};
onWorldReset(() => {
  options = {};
});

/** The CLIENT span the driver's instrumentation starts, in the caller's context. */
function startQuerySpan(sql: string): Span {
  const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'QUERY';
  const table = tableOf(sql);
  return trace.getTracer('@spanlab/world/driver').startSpan(
    table ? `${operation} ${table}` : operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        ...(table ? { 'db.collection.name': table } : {}),
        'db.query.text': sql,
      },
    },
    context.active(),
  );
}

function tableOf(sql: string): string | undefined {
  return /\b(?:from|into|update)\s+([A-Za-z_][\w.]*)/i.exec(sql)?.[1];
}

/** The statement's outcome: its rows (a SELECT reads the `db` module's tables), or its failure. */
function execute(sql: string): { error: Error | null; result: QueryResult } {
  if (options.failWhen?.(sql)) return { error: new Error(`query failed: ${sql}`), result: { rows: [], rowCount: 0 } };
  const table = tableOf(sql);
  const rows = /^\s*select\b/i.test(sql) && table ? tableRows(table) : [];
  return { error: null, result: { rows, rowCount: rows.length } };
}

/**
 * Runs `io` after the query's latency, from the connection's own I/O: outside the caller's
 * context (a pooled connection's socket was opened by no request), as the caller's service.
 */
function onConnection(io: () => void): void {
  const service = runningService() ?? defaultServiceName();
  runAsService(service, () => setTimeout(io, drawLatency(options.latency ?? 3)));
}

function endSpan(span: Span, error: Error | null): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  span.end();
}

/**
 * A callback-style database client, as older Node drivers are (mysql, pg's callback API). Its
 * instrumentation starts a CLIENT span in the caller's context, but the callback — and every event
 * of a streamed query — runs from the connection's I/O, outside the caller's context: spans
 * started there have no parent unless the callback is bound (`context.bind(context.active(), cb)`)
 * or the emitter is (`context.bind(ctx, emitter)`, with the `async` context manager).
 */
export const driver = {
  /** Sets the query latency and failures. */
  configure(next: DriverOptions): void {
    options = { ...options, ...next };
  },

  /** Runs `sql`; calls back with `(error, { rows, rowCount })` from the connection, outside the caller's context. */
  query(sql: string, callback: QueryCallback): void {
    const span = startQuerySpan(sql);
    onConnection(() => {
      const { error, result } = execute(sql);
      endSpan(span, error);
      callback(error, result);
    });
  },

  /** Runs `sql` and streams its result: a `row` event per row, then `end` with the row count (or `error`). */
  stream(sql: string): EventEmitter {
    const span = startQuerySpan(sql);
    const rows = new EventEmitter();
    onConnection(() => {
      const { error, result } = execute(sql);
      endSpan(span, error);
      if (error) {
        rows.emit('error', error);
        return;
      }
      for (const row of result.rows) rows.emit('row', row);
      rows.emit('end', result.rowCount);
    });
    return rows;
  },
};

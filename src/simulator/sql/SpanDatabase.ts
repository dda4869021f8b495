import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { SpanRecord } from '../trace/model.ts';
import { locateSqlError, type SqlPosition } from './sql-error.ts';
import { SPAN_TABLES_DDL, toTableRows, type TableRow } from './span-tables.ts';

/** The most rows a query hands back; the rest are counted, not kept. */
export const SQL_MAX_ROWS = 1000;

/** A value in a result row: what SQLite returns, blobs described as text. */
export type SqlCell = string | number | null;

/** What a query gave: the columns and rows of its last statement that returns rows, or an error. */
export type SqlOutcome =
  | { ok: true; columns: string[]; rows: SqlCell[][]; truncated: boolean; ms: number }
  | { ok: false; error: string; position?: SqlPosition };

/**
 * A run's spans in an in-memory SQLite database (the tables of span-tables.ts), read-only once
 * loaded. sql.js is passed in, loaded by the host (a worker in the browser, Node in the CLI).
 */
export class SpanDatabase {
  readonly #db: Database;

  constructor(sqlJs: SqlJsStatic, spans: readonly SpanRecord[]) {
    this.#db = new sqlJs.Database();
    this.#db.run(SPAN_TABLES_DDL);
    const rows = toTableRows(spans);
    this.#db.run('BEGIN');
    insertAll(this.#db, 'spans', rows.spans);
    insertAll(this.#db, 'span_links', rows.span_links);
    insertAll(this.#db, 'traces', rows.traces);
    this.#db.run('COMMIT');
    // A query may read, never change the run's tables.
    this.#db.run('PRAGMA query_only = 1');
  }

  /** Runs every statement of the text; returns the last result with columns (at most SQL_MAX_ROWS rows). */
  query(text: string): SqlOutcome {
    const started = performance.now();
    let result: { columns: string[]; rows: SqlCell[][]; truncated: boolean } = {
      columns: [],
      rows: [],
      truncated: false,
    };
    const statements = this.#db.iterateStatements(text);
    let from = 0;
    try {
      for (;;) {
        from = text.length - statements.getRemainingSQL().length;
        const next = statements.next();
        if (next.done === true) break;
        const statement = next.value;
        try {
          const columns = statement.getColumnNames();
          const rows: SqlCell[][] = [];
          let truncated = false;
          while (statement.step()) {
            if (rows.length === SQL_MAX_ROWS) {
              truncated = true;
              break;
            }
            rows.push(statement.get().map(toCell));
          }
          if (columns.length > 0) result = { columns, rows, truncated };
        } finally {
          statement.free();
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = locateSqlError(text, message, from);
      return position ? { ok: false, error: message, position } : { ok: false, error: message };
    }
    return { ok: true, ...result, ms: performance.now() - started };
  }

  /** Frees the database. */
  close(): void {
    this.#db.close();
  }
}

function insertAll(db: Database, table: string, rows: readonly TableRow[]): void {
  const width = rows[0]?.length;
  if (width === undefined) return;
  const insert = db.prepare(`INSERT INTO ${table} VALUES (${Array(width).fill('?').join(', ')})`);
  try {
    for (const row of rows) insert.run(row);
  } finally {
    insert.free();
  }
}

function toCell(value: SqlValue): SqlCell {
  return value instanceof Uint8Array ? `<blob, ${value.length} bytes>` : value;
}

import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { onWorldReset } from './runtime.ts';
import { drawLatency, sleep, type Latency } from './time.ts';

/** A row of a simulated table: any plain object. */
export type Row = Record<string, unknown>;

/** Rows match when every given field is equal. */
export type Where = Row;

const tables = new Map<string, Row[]>();
let latency: Latency = 3;
onWorldReset(() => {
  tables.clear();
  latency = 3;
});

/** Copies of a table's rows, for the world's other clients (the callback-style driver). */
export function tableRows(table: string): Row[] {
  return (tables.get(table) ?? []).map((row) => ({ ...row }));
}

function matches(row: Row, where: Where | undefined): boolean {
  return !where || Object.entries(where).every(([key, value]) => row[key] === value);
}

// Each operation is a CLIENT span, as a database instrumentation would make it.
async function operation<T>(name: string, table: string, query: string, body: () => T): Promise<T> {
  const span = trace.getTracer('@spanlab/world/db').startSpan(
    `${name} ${table}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': name,
        'db.collection.name': table,
        'db.query.text': query,
      },
    },
    context.active(),
  );
  await sleep(drawLatency(latency));
  try {
    const result = body();
    span.end();
    return result;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    span.end();
    throw error;
  }
}

/** The simulated database: in-memory tables, each operation a CLIENT span with a latency. */
export const db = {
  /** Sets how long each operation takes (default 3 ms). */
  configure(options: { latency?: Latency }): void {
    if (options.latency !== undefined) latency = options.latency;
  },

  /** Adds a row to a table. */
  insert(table: string, row: Row): Promise<void> {
    return operation('INSERT', table, `INSERT INTO ${table} (…) VALUES (…)`, () => {
      const rows = tables.get(table) ?? [];
      rows.push({ ...row });
      tables.set(table, rows);
    });
  },

  /** The rows of a table that match `where` (all rows without it), as copies. */
  select<T extends Row = Row>(table: string, where?: Where): Promise<T[]> {
    return operation('SELECT', table, `SELECT * FROM ${table}${where ? ' WHERE …' : ''}`, () =>
      (tables.get(table) ?? []).filter((row) => matches(row, where)).map((row) => ({ ...row }) as T),
    );
  },

  /** Changes the matching rows; resolves with how many changed. */
  update(table: string, where: Where, changes: Row): Promise<number> {
    return operation('UPDATE', table, `UPDATE ${table} SET … WHERE …`, () => {
      const rows = (tables.get(table) ?? []).filter((row) => matches(row, where));
      for (const row of rows) Object.assign(row, changes);
      return rows.length;
    });
  },

  /** Removes the matching rows; resolves with how many were removed. */
  delete(table: string, where?: Where): Promise<number> {
    return operation('DELETE', table, `DELETE FROM ${table}${where ? ' WHERE …' : ''}`, () => {
      const rows = tables.get(table) ?? [];
      const kept = rows.filter((row) => !matches(row, where));
      tables.set(table, kept);
      return rows.length - kept.length;
    });
  },
};

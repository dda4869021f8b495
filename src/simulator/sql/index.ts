/** SQL over a run's spans: the tables, the database, the worker protocol and the example queries. */
export { locateSqlError, positionAt } from './sql-error.ts';
export type { SqlPosition } from './sql-error.ts';
export { SpanDatabase, SQL_MAX_ROWS } from './SpanDatabase.ts';
export type { SqlCell, SqlOutcome } from './SpanDatabase.ts';
export { SPAN_TABLES_DDL, toTableRows } from './span-tables.ts';
export type { SpanTableRows, TableRow } from './span-tables.ts';
export { BATCH_SPANS_QUERY, exampleQueries, LINKED_SPANS_QUERY, linkedSpansQuery } from './seed-queries.ts';
export type { ExampleQuery } from './seed-queries.ts';
export { SQL_TIME_LIMIT_MS, SqlWorkerState } from './sql-worker-protocol.ts';
export type { SqlWorkerRequest, SqlWorkerResponse } from './sql-worker-protocol.ts';

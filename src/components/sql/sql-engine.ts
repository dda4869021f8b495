// What the SQL panel uses of the engine: its types and constants (no sql.js: that loads in the worker).
export {
  exampleQueries,
  SQL_MAX_ROWS,
  SQL_TIME_LIMIT_MS,
  type ExampleQuery,
  type SqlCell,
  type SqlOutcome,
  type SqlWorkerRequest,
  type SqlWorkerResponse,
} from '@spanlab/engine/sql';
export type { RunResult, SpanRecord } from '@spanlab/engine';

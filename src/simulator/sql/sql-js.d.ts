// The part of sql.js (which ships no types) that Span Lab uses.
declare module 'sql.js' {
  /** A value SQLite hands back. */
  export type SqlValue = number | string | Uint8Array | null;

  /** A prepared statement. */
  export interface Statement {
    step(): boolean;
    get(): SqlValue[];
    getColumnNames(): string[];
    bind(values?: SqlValue[]): boolean;
    run(values?: SqlValue[]): void;
    free(): boolean;
  }

  /** The statements of a text, one at a time; `next()` throws on the first bad one. */
  export interface StatementIterator extends Iterator<Statement> {
    getRemainingSQL(): string;
  }

  /** An in-memory database. */
  export interface Database {
    run(sql: string, params?: SqlValue[]): Database;
    prepare(sql: string): Statement;
    iterateStatements(sql: string): StatementIterator;
    close(): void;
  }

  /** The loaded module. */
  export interface SqlJsStatic {
    Database: new () => Database;
  }

  /** Where to find the .wasm file. */
  export interface SqlJsConfig {
    locateFile?: (file: string) => string;
  }

  export default function initSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic>;
}

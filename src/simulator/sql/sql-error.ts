/** Where in the query text an error is: 1-based line and column, and the 0-based offset. */
export interface SqlPosition {
  offset: number;
  line: number;
  column: number;
}

/** The place SQLite's message points at, searched for from `from` (the failing statement's start). */
export function locateSqlError(query: string, message: string, from = 0): SqlPosition | undefined {
  if (/incomplete input/.test(message)) return positionAt(query, query.trimEnd().length);
  const token = /near "((?:[^"]|"")*)"/.exec(message)?.[1]?.replace(/""/g, '"') ?? /: ([^\s:]+)$/.exec(message)?.[1];
  if (token === undefined || token === '') return undefined;
  const offset = findOutsideComments(query, token, from);
  return offset === -1 ? undefined : positionAt(query, offset);
}

/** The 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): SqlPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

// The first place the token appears after `from` outside `--` and `/* */` comments (case-insensitive,
// as SQLite's keywords are). A token inside a string literal is still found: good enough to point at.
function findOutsideComments(text: string, token: string, from: number): number {
  const lower = text.toLowerCase();
  const wanted = token.toLowerCase();
  let i = from;
  while (i < text.length) {
    if (text.startsWith('--', i)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (lower.startsWith(wanted, i)) {
      return i;
    } else {
      i++;
    }
  }
  return -1;
}

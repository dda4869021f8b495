/**
 * JSON text to values, for trace files: one JSON document, or several in a row (JSON Lines, as the
 * OpenTelemetry Collector's file exporter writes), with syntax errors placed by line and column
 * the same way in every JavaScript engine.
 */

/** One JSON document from the text, and the 1-based line it starts on. */
export interface JsonDocument {
  value: unknown;
  line: number;
}

/** A JSON syntax error, with its 1-based line and column (in UTF-16 code units). */
export class JsonTextError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(reason: string, line: number, column: number) {
    super(`not valid JSON at line ${line}, column ${column}: ${reason}`);
    this.name = 'JsonTextError';
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/**
 * Every JSON document in `text`, in order; documents are separated by whitespace (usually a
 * newline). Throws `JsonTextError` at the first syntax error, or when there is no document.
 */
export function parseJsonDocuments(text: string): JsonDocument[] {
  const { documents, cutOff, skipped } = parseJsonLines(text);
  const first = skipped?.[0] ?? cutOff;
  if (first) throw first;
  return documents;
}

/** The documents of a text whose last line may be cut short, and the error of that last line if it is. */
export interface JsonLinesRead {
  documents: JsonDocument[];
  /** The syntax error of a last line cut short (a file still being written), after complete documents. */
  cutOff?: JsonTextError;
  /** Lines of a JSON Lines file that are not valid JSON (a writer that crashed mid-line, then went on): left out. */
  skipped?: JsonTextError[];
}

/**
 * Like `parseJsonDocuments`, but a syntax error on the last line, after at least one complete
 * document that ended on an earlier line, costs only that line: it is returned as `cutOff`. In a
 * JSON Lines file (every document so far on a line of its own), a line that is not valid JSON
 * costs only that line too: it is returned in `skipped`, and reading goes on at the next line.
 */
export function parseJsonLines(text: string): JsonLinesRead {
  try {
    return { documents: [{ value: JSON.parse(text), line: lineAt(text, skipSpace(text, 0)) }] };
  } catch {
    // Not a single document: scan it, to find the documents or place the error.
  }
  const documents: JsonDocument[] = [];
  const skipped: JsonTextError[] = [];
  let start = skipSpace(text, 0);
  if (start === text.length) throw errorAt(text, start, 'the text is empty');
  let line = 1;
  let counted = 0;
  let lines = true;
  while (start < text.length) {
    line += lineAt(text.slice(counted, start), Infinity) - 1;
    counted = start;
    let end: number;
    try {
      end = scanValue(text, start);
    } catch (error) {
      if (!(error instanceof JsonTextError) || documents.length === 0) throw error;
      const next = text.indexOf('\n', start);
      const lastLine = next === -1 || text.slice(next).trim() === '';
      if (lastLine) return { documents, cutOff: error, ...(skipped.length > 0 ? { skipped } : {}) };
      if (!lines || (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r')) throw error;
      skipped.push(new JsonTextError(error.reason, line, error.line === line ? error.column : 1));
      start = skipSpace(text, next);
      continue;
    }
    if (text.slice(start, end).includes('\n')) lines = false;
    documents.push({ value: JSON.parse(text.slice(start, end)), line });
    start = skipSpace(text, end);
  }
  return skipped.length > 0 ? { documents, skipped } : { documents };
}

const SPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** What closes each kind of container on the scanner's stack. */
type Closer = ']' | '}';

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && SPACE.has(text.charAt(i))) i++;
  return i;
}

/** The end of the JSON value starting at `start` (not recursive, so deep nesting is fine). */
function scanValue(text: string, start: number): number {
  const stack: Closer[] = [];
  let i = start;
  for (;;) {
    // Here a value is expected.
    i = skipSpace(text, i);
    const c = text.charAt(i);
    if (c === '{' || c === '[') {
      const closer: Closer = c === '{' ? '}' : ']';
      i = skipSpace(text, i + 1);
      if (text.charAt(i) === closer) {
        i++;
      } else {
        stack.push(closer);
        if (closer === '}') i = scanKey(text, i);
        continue;
      }
    } else if (c === '"') {
      i = scanString(text, i);
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) throw errorAt(text, i, `expected a number, got ${found(text, i)}`);
      i = NUMBER.lastIndex;
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      if (!literal) throw errorAt(text, i, `expected a value, got ${found(text, i)}`);
      i += literal.length;
    }
    // Here a value has ended: close containers until one continues with a comma.
    for (;;) {
      const closer = stack.at(-1);
      if (closer === undefined) return i;
      i = skipSpace(text, i);
      const next = text.charAt(i);
      if (next === closer) {
        stack.pop();
        i++;
      } else if (next === ',') {
        i = skipSpace(text, i + 1);
        if (text.charAt(i) === closer) {
          const expected = closer === '}' ? 'a property name' : 'a value';
          throw errorAt(text, i, `expected ${expected} after ',', got ${found(text, i)} (a trailing comma?)`);
        }
        if (closer === '}') i = scanKey(text, i);
        break;
      } else {
        throw errorAt(text, i, `expected ',' or '${closer}', got ${found(text, i)}`);
      }
    }
  }
}

/** Scans `"key" :` and returns where the value starts. */
function scanKey(text: string, at: number): number {
  if (text.charAt(at) !== '"')
    throw errorAt(text, at, `expected a property name in double quotes, got ${found(text, at)}`);
  const i = skipSpace(text, scanString(text, at));
  if (text.charAt(i) !== ':') throw errorAt(text, i, `expected ':' after the property name, got ${found(text, i)}`);
  return i + 1;
}

/** Scans the string starting at the quote `at` and returns the index after its closing quote. */
function scanString(text: string, at: number): number {
  let i = at + 1;
  for (;;) {
    if (i >= text.length) throw errorAt(text, at, 'unterminated string');
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) throw errorAt(text, i, 'unescaped control character in a string (a line break?)');
    if (c === 0x5c) {
      const escape = text.charAt(i + 1);
      if (escape === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
      else if (ESCAPES.has(escape)) i += 2;
      else throw errorAt(text, i, `invalid escape ${found(text, i, 2)} in a string`);
    } else {
      i++;
    }
  }
}

function found(text: string, at: number, length = 1): string {
  return at >= text.length ? 'the end of the text' : JSON.stringify(text.slice(at, at + length));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function errorAt(text: string, offset: number, reason: string): JsonTextError {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  return new JsonTextError(reason, lineAt(text, offset), offset - lineStart + 1);
}

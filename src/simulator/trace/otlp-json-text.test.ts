import { describe, expect, it } from 'vitest';
import { JsonTextError, parseJsonDocuments } from './otlp-json-text.ts';

function errorOf(text: string): JsonTextError {
  try {
    parseJsonDocuments(text);
  } catch (error) {
    if (error instanceof JsonTextError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('parseJsonDocuments', () => {
  it('reads one document, pretty-printed or not', () => {
    expect(parseJsonDocuments('\n\n  {"a": [1, {"b": null}]}\n')).toEqual([
      { value: { a: [1, { b: null }] }, line: 3 },
    ]);
  });

  it('reads JSON Lines, with the line each document starts on', () => {
    const text = '{"n":1}\n{"n":2}\r\n\n{"n":\n3}\n';
    expect(parseJsonDocuments(text)).toEqual([
      { value: { n: 1 }, line: 1 },
      { value: { n: 2 }, line: 2 },
      { value: { n: 3 }, line: 4 },
    ]);
  });

  it.each([
    ['{"a": x}', 1, 7, 'expected a value, got "x"'],
    ['{\n  "a": 1,\n  "b" 2\n}', 3, 7, `expected ':' after the property name, got "2"`],
    ['[1, 2,]', 1, 7, `expected a value after ',', got "]" (a trailing comma?)`],
    ['{"a": 1,}', 1, 9, `expected a property name after ',', got "}" (a trailing comma?)`],
    ['{"a": 1', 1, 8, `expected ',' or '}', got the end of the text`],
    ['{"a": "b\nc"}', 1, 9, 'unescaped control character in a string (a line break?)'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape "\\\\x" in a string'],
    ['{"a": "open', 1, 7, 'unterminated string'],
    ['{"a": -}', 1, 7, 'expected a number, got "-"'],
    ["{'a': 1}", 1, 2, `expected a property name in double quotes, got "'"`],
    ['{"ok":1}\n{"ok":2}\n{"ok" 3}', 3, 7, `expected ':' after the property name, got "3"`],
    ['{"a":1} x', 1, 9, 'expected a value, got "x"'],
  ])('places the error in %j', (text, line, column, reason) => {
    const error = errorOf(text);
    expect({ line: error.line, column: error.column, reason: error.reason }).toEqual({ line, column, reason });
    expect(error.message).toBe(`not valid JSON at line ${line}, column ${column}: ${reason}`);
  });

  it('says when there is nothing', () => {
    expect(errorOf('  \n ').reason).toBe('the text is empty');
  });

  it('scans deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(errorOf(deep).reason).toBe(`expected ',' or ']', got the end of the text`);
  });
});

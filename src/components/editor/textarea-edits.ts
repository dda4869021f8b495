/**
 * The edits the textarea fallback makes for Tab, Shift+Tab and Enter, as pure functions of the
 * text and the selection, so they test without a DOM.
 */

/** Replace `[start, end)` with `text`, then select `[selectionStart, selectionEnd)`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** One level of indentation. */
export const INDENT = '  ';

/** Tab: spaces to the next indent stop at the caret, or one level more on every selected line. */
export function indentEdit(value: string, start: number, end: number): TextEdit {
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  if (start === end || !value.slice(start, end).includes('\n')) {
    const spaces = ' '.repeat(INDENT.length - ((start - lineStart) % INDENT.length));
    const caret = start + spaces.length;
    return { start, end, text: spaces, selectionStart: caret, selectionEnd: caret };
  }
  const block = selectedLines(value, start, end);
  const lines = value.slice(block.start, block.end).split('\n');
  const text = lines.map((line) => (line === '' ? line : INDENT + line)).join('\n');
  const firstShift = lines[0] === '' ? 0 : INDENT.length;
  return {
    ...block,
    text,
    selectionStart: start + firstShift,
    selectionEnd: end + text.length - (block.end - block.start),
  };
}

/** Shift+Tab: up to one level of indentation removed from every selected line. */
export function outdentEdit(value: string, start: number, end: number): TextEdit {
  const block = selectedLines(value, start, end);
  const lines = value.slice(block.start, block.end).split('\n');
  const removed = lines.map((line) => leadingSpaces(line, INDENT.length));
  const text = lines.map((line, i) => line.slice(removed[i])).join('\n');
  const firstRemoved = Math.min(removed[0] ?? 0, start - block.start);
  return {
    ...block,
    text,
    selectionStart: start - firstRemoved,
    selectionEnd: Math.max(start - firstRemoved, end - (block.end - block.start - text.length)),
  };
}

/** Enter: a new line indented like the current one (one level more after `{`, `(` or `[`). */
export function newlineEdit(value: string, start: number, end: number): TextEdit {
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const line = value.slice(lineStart, start);
  const indent = line.slice(0, leadingSpaces(line, line.length));
  const opens = /[{([]\s*$/.test(line);
  const text = `\n${indent}${opens ? INDENT : ''}`;
  const caret = start + text.length;
  return { start, end, text, selectionStart: caret, selectionEnd: caret };
}

/** The 1-based line and column of an offset. */
export function positionOf(value: string, offset: number): { line: number; column: number } {
  const before = value.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The offset where a 1-based line starts (the end of the text past the last line). */
export function offsetOfLine(value: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = value.indexOf('\n', offset);
    if (next === -1) return value.length;
    offset = next + 1;
  }
  return offset;
}

function selectedLines(value: string, start: number, end: number): { start: number; end: number } {
  const blockStart = value.lastIndexOf('\n', start - 1) + 1;
  // A selection that ends at the start of a line does not take that line.
  const last = end > start && value[end - 1] === '\n' ? end - 1 : end;
  const newline = value.indexOf('\n', last);
  return { start: blockStart, end: newline === -1 ? value.length : newline };
}

function leadingSpaces(line: string, most: number): number {
  let count = 0;
  while (count < most && line[count] === ' ') count++;
  return count;
}

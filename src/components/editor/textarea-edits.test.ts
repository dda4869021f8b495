import { describe, expect, it } from 'vitest';
import { indentEdit, newlineEdit, offsetOfLine, outdentEdit, positionOf, type TextEdit } from './textarea-edits.ts';

/** The text after applying an edit, with the selection marked as [ and ]. */
function apply(value: string, edit: TextEdit): string {
  const text = value.slice(0, edit.start) + edit.text + value.slice(edit.end);
  return `${text.slice(0, edit.selectionStart)}[${text.slice(edit.selectionStart, edit.selectionEnd)}]${text.slice(edit.selectionEnd)}`;
}

describe('textarea edits', () => {
  it('Tab inserts spaces to the next indent stop at the caret', () => {
    expect(apply('ab', indentEdit('ab', 1, 1))).toBe('a []b');
    expect(apply('x', indentEdit('x', 0, 0))).toBe('  []x');
  });

  it('Tab indents every selected line, and keeps them selected', () => {
    const value = 'a\nb\n\nc';
    expect(apply(value, indentEdit(value, 0, value.length))).toBe('  [a\n  b\n\n  c]');
  });

  it('a selection ending at the start of a line leaves that line alone', () => {
    const value = 'a\nb\nc';
    expect(apply(value, indentEdit(value, 0, 2))).toBe('  [a\n]b\nc');
  });

  it('Shift+Tab removes up to one level from each selected line', () => {
    const value = '    a\n b\nc';
    expect(apply(value, outdentEdit(value, 0, value.length))).toBe('[  a\nb\nc]');
    expect(apply('  x', outdentEdit('  x', 3, 3))).toBe('x[]');
  });

  it('Enter keeps the indentation, one level more after an opening bracket', () => {
    expect(apply('  a', newlineEdit('  a', 3, 3))).toBe('  a\n  []');
    expect(apply('f() {', newlineEdit('f() {', 5, 5))).toBe('f() {\n  []');
  });

  it('converts between offsets and 1-based lines', () => {
    const value = 'one\ntwo\nthree';
    expect(offsetOfLine(value, 1)).toBe(0);
    expect(offsetOfLine(value, 3)).toBe(8);
    expect(offsetOfLine(value, 9)).toBe(value.length);
    expect(positionOf(value, 9)).toEqual({ line: 3, column: 2 });
  });
});

import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffCounts, diffRows } from './solution-diff.ts';

describe('diffRows', () => {
  it('numbers each line on its side and marks what only one side has', () => {
    const rows = diffRows(diffLines('a\nb\nc\n', 'a\nx\ny\nc\n'));
    expect(rows).toEqual([
      { type: 'same', text: 'a', mine: 1, solution: 1 },
      { type: 'removed', text: 'b', mine: 2 },
      { type: 'added', text: 'x', solution: 2 },
      { type: 'added', text: 'y', solution: 3 },
      { type: 'same', text: 'c', mine: 3, solution: 4 },
    ]);
    expect(diffCounts(rows)).toEqual({ removed: 1, added: 2 });
  });

  it('keeps blank lines, and finds nothing to change in equal code', () => {
    const code = 'one\n\nthree\n';
    const rows = diffRows(diffLines(code, code));
    expect(rows.map((row) => row.text)).toEqual(['one', '', 'three']);
    expect(diffCounts(rows)).toEqual({ removed: 0, added: 0 });
  });

  it('treats a missing final newline as a changed last line', () => {
    const rows = diffRows(diffLines('a\nb', 'a\nb\n'));
    expect(diffCounts(rows)).toEqual({ removed: 1, added: 1 });
    expect(rows.filter((row) => row.type !== 'same').map((row) => row.text)).toEqual(['b', 'b']);
  });
});

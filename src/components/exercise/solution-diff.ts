/** The reader's code beside the solution as a line diff (jsdiff's Myers diff), as rows to draw. */
import type { ChangeObject } from 'diff';

/** One line of the diff: in both, only in the reader's code (removed), or only in the solution (added). */
export interface DiffRow {
  type: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line in the reader's code, for lines it has. */
  mine?: number;
  /** 1-based line in the solution, for lines it has. */
  solution?: number;
}

/** Rows of a unified diff from jsdiff's `diffLines(mine, solution)` changes. */
export function diffRows(changes: readonly ChangeObject<string>[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let mine = 0;
  let solution = 0;
  for (const change of changes) {
    const lines = change.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (change.added) rows.push({ type: 'added', text, solution: ++solution });
      else if (change.removed) rows.push({ type: 'removed', text, mine: ++mine });
      else rows.push({ type: 'same', text, mine: ++mine, solution: ++solution });
    }
  }
  return rows;
}

/** How many lines the reader would remove and add to reach the solution. */
export function diffCounts(rows: readonly DiffRow[]): { removed: number; added: number } {
  return {
    removed: rows.filter((row) => row.type === 'removed').length,
    added: rows.filter((row) => row.type === 'added').length,
  };
}

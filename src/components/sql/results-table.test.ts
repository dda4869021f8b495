// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isSpanIdColumn, resultsTable } from './results-table.ts';

describe('resultsTable', () => {
  it('makes an accessible table; span ids of the run become buttons naming their trace', () => {
    const traces = new Map([['aaaaaaaaaaaaaaaa', 'f'.repeat(32)]]);
    const table = resultsTable(
      ['span_id', 'parent_span_id', 'name', 'duration_ms'],
      [
        ['aaaaaaaaaaaaaaaa', null, 'batch', 15],
        ['bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa', 'child', null],
      ],
      'Query results: 2 rows',
      (id) => traces.get(id),
    );
    expect(table.caption?.textContent).toBe('Query results: 2 rows');
    expect([...table.querySelectorAll('th')].map((th) => [th.scope, th.textContent])).toEqual([
      ['col', 'span_id'],
      ['col', 'parent_span_id'],
      ['col', 'name'],
      ['col', 'duration_ms'],
    ]);
    const buttons = [...table.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.dataset['traceId'], b.dataset['spanId']])).toEqual([
      ['aaaaaaaaaaaaaaaa', 'f'.repeat(32), 'aaaaaaaaaaaaaaaa'],
      ['aaaaaaaaaaaaaaaa', 'f'.repeat(32), 'aaaaaaaaaaaaaaaa'],
    ]);
    // An id the run does not have stays text; NULL is shown as such.
    expect(table.tBodies[0]!.rows[1]!.cells[0]!.textContent).toBe('bbbbbbbbbbbbbbbb');
    expect(table.tBodies[0]!.rows[0]!.cells[1]!.textContent).toBe('NULL');
  });

  it('knows span id columns by name', () => {
    expect(['span_id', 'linked_span_id', 'SPAN_ID', 'root_span_id'].every(isSpanIdColumn)).toBe(true);
    expect(['spanid', 'span_ids', 'trace_id', 'name'].some(isSpanIdColumn)).toBe(false);
  });
});

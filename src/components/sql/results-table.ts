import type { SqlCell } from './sql-engine.ts';

/** Whether a column holds span ids (`span_id`, `parent_span_id`, `linked_span_id`, …). */
export function isSpanIdColumn(column: string): boolean {
  return /(^|_)span_id$/i.test(column);
}

/**
 * A query's rows as an accessible table. A span id of the run (`traceOf` knows its trace) becomes
 * a button carrying `data-trace-id` and `data-span-id`, for the panel to turn into `span-select`.
 */
export function resultsTable(
  columns: readonly string[],
  rows: readonly SqlCell[][],
  caption: string,
  traceOf: (spanId: string) => string | undefined,
): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'sql-panel__table';
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const td = tr.insertCell();
      const traceId = typeof value === 'string' && isSpanIdColumn(columns[i] ?? '') ? traceOf(value) : undefined;
      if (value === null) {
        td.textContent = 'NULL';
        td.className = 'sql-panel__null';
      } else if (traceId !== undefined) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sql-panel__span';
        button.textContent = String(value);
        button.title = 'Select this span in the views';
        button.dataset['traceId'] = traceId;
        button.dataset['spanId'] = String(value);
        td.append(button);
      } else {
        td.textContent = String(value);
      }
    });
  }
  return table;
}

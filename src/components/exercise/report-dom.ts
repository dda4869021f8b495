/** Draws a Check's report and the solution diff: text only (textContent), never the reader's text as HTML. */
import type { CheckItem, CheckOutcome, CheckStatus } from './check-outcome.ts';
import { diffCounts, type DiffRow } from './solution-diff.ts';

const ICONS: Record<CheckStatus, string> = { pass: '✓', fail: '✗', warning: '!', info: 'i' };
const WORDS: Record<CheckStatus, string> = { pass: 'Pass', fail: 'Fail', warning: 'Warning', info: 'Note' };

/** Text with `backticked` parts as <code>, built from text nodes. */
export function codeText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split('`').forEach((part, index) => {
    if (part === '') return;
    if (index % 2 === 1) {
      const code = document.createElement('code');
      code.textContent = part;
      fragment.append(code);
    } else fragment.append(part);
  });
  return fragment;
}

function itemRow(item: CheckItem): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `ex-report__item ex-report__item--${item.status}`;
  const icon = document.createElement('span');
  icon.className = 'ex-report__icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = ICONS[item.status];
  const word = document.createElement('strong');
  word.className = 'ex-report__word';
  word.textContent = `${WORDS[item.status]}:`;
  const title = document.createElement('span');
  title.className = 'ex-report__title';
  title.append(codeText(item.title));
  const body = document.createElement('div');
  body.append(word, ' ', title);
  if (item.detail !== '') {
    const detail = document.createElement('p');
    detail.className = 'ex-report__detail';
    detail.append(codeText(item.detail));
    body.append(detail);
  }
  if (item.also !== undefined) {
    const also = document.createElement('p');
    also.className = 'ex-report__also';
    also.append(codeText(item.also));
    body.append(also);
  }
  li.append(icon, body);
  return li;
}

/** The report: a banner with the summary, then one line per verdict. */
export function renderReport(host: HTMLElement, outcome: CheckOutcome): void {
  const banner = document.createElement('p');
  banner.className = `ex-report__banner ex-report__banner--${outcome.passed ? 'pass' : 'fail'}`;
  const icon = document.createElement('span');
  icon.className = 'ex-report__icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = outcome.passed ? '✓' : '✗';
  banner.append(icon, ' ', outcome.summary);
  const list = document.createElement('ul');
  list.className = 'ex-report__list';
  list.setAttribute('aria-label', 'Verdicts');
  list.append(...outcome.items.map(itemRow));
  host.replaceChildren(banner, list);
  host.hidden = false;
}

function cell(tag: 'td' | 'th', text: string, className: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** A unified diff table: your line number, the solution's, −/+ (with a spoken word), the code (or query). */
export function renderDiff(host: HTMLElement, rows: readonly DiffRow[], noun: 'code' | 'query' = 'code'): void {
  const { removed, added } = diffCounts(rows);
  const table = document.createElement('table');
  table.className = 'ex-diff__table';
  const caption = document.createElement('caption');
  caption.className = 'ex-diff__caption';
  caption.textContent =
    removed + added === 0
      ? `Your ${noun} is the same as the solution.`
      : `From your ${noun} to the solution: ${removed} line${removed === 1 ? '' : 's'} removed (−), ${added} added (+).`;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.append(
    cell('th', 'Yours', 'ex-diff__num'),
    cell('th', 'Solution', 'ex-diff__num'),
    cell('th', 'Change', 'ex-diff__sign'),
    cell('th', noun === 'code' ? 'Code' : 'Query', 'ex-diff__code'),
  );
  for (const th of headRow.children) th.setAttribute('scope', 'col');
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.className = `ex-diff__row ex-diff__row--${row.type}`;
    const sign = document.createElement('td');
    sign.className = 'ex-diff__sign';
    if (row.type !== 'same') {
      const mark = document.createElement('span');
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = row.type === 'added' ? '+' : '−';
      const spoken = document.createElement('span');
      spoken.className = 'ex-sr-only';
      spoken.textContent = row.type === 'added' ? 'added' : 'removed';
      sign.append(mark, spoken);
    }
    const code = document.createElement('td');
    code.className = 'ex-diff__code';
    code.textContent = row.text === '' ? '\u200b' : row.text;
    tr.append(
      cell('td', row.mine === undefined ? '' : String(row.mine), 'ex-diff__num'),
      cell('td', row.solution === undefined ? '' : String(row.solution), 'ex-diff__num'),
      sign,
      code,
    );
    body.append(tr);
  }
  table.append(caption, head, body);
  host.replaceChildren(table);
}

/**
 * Marks an exercise's report (`root`, its element) as about an earlier answer, or not: once the
 * reader changes the code (or query) a Check judged, the verdicts under it no longer speak of what
 * is in the editor, and a line at the top of the report says so until the next Check or an undo.
 */
export function markReportStale(root: HTMLElement, stale: boolean, noun: 'code' | 'query' = 'code'): void {
  const report = exercisePart(root, 'report');
  report.querySelector(':scope > .ex-report__stale')?.remove();
  report.toggleAttribute('data-stale', stale);
  if (!stale || report.hidden) return;
  const note = document.createElement('p');
  note.className = 'ex-report__stale';
  note.textContent = `⚠ This report is about your ${noun} as it was when you pressed Check; you have changed it since. Press Check to check it as it is now.`;
  report.prepend(note);
}

/** The exercise element's part named `name` (its `data-ex`): code and SQL exercises alike. */
export function exercisePart<T extends HTMLElement = HTMLElement>(root: HTMLElement, name: string): T {
  return root.querySelector(`[data-ex="${name}"]`) as T;
}

/** Says `text` in an exercise's status line: shown, and read out (it is a live region). */
export function sayStatus(root: HTMLElement, text: string): void {
  const status = exercisePart(root, 'status');
  status.textContent = text;
  status.classList.remove('ex-sr-only');
}

/**
 * Shows a Check's verdict in an exercise (`root`, its element): the report, the element's
 * `data-state`, and "your answer is correct too" beside the solution when it passed. The banner
 * shows the summary, so the status line says `spoken` to screen readers only.
 */
export function showVerdict(root: HTMLElement, outcome: CheckOutcome, spoken = outcome.summary): void {
  renderReport(exercisePart(root, 'report'), outcome);
  root.dataset['state'] = outcome.passed ? 'passed' : 'failed';
  exercisePart(root, 'other-answers').hidden = !outcome.passed;
  sayStatus(root, spoken);
  exercisePart(root, 'status').classList.add('ex-sr-only');
}

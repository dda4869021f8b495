import { EPOCH_MS, type ConsoleEntry } from '@spanlab/engine';
import { h } from '../dom/h.ts';
import { formatOffset } from '../model/format.ts';
import { locationButton, notice } from './span-bits.ts';
import { ListView } from './ListView.ts';

const LEVEL_MARKS: Record<ConsoleEntry['level'], string> = { log: '›', info: 'ℹ', debug: '·', warn: '⚠', error: '✖' };

/** The Console tab: what the scenario wrote, with its level in words and its virtual time. */
export class ConsoleView extends ListView {
  protected draw(): void {
    const run = this.run;
    if (run === null || run.result.console.length === 0) {
      this.root.replaceChildren(notice(run === null ? 'No run yet.' : 'The run wrote nothing to the console.'));
      return;
    }
    const items = run.result.console.map((entry) =>
      h(
        'li',
        { class: `tv-console-${entry.level}` },
        h(
          'span',
          { class: 'tv-level' },
          h('span', { 'aria-hidden': 'true' }, LEVEL_MARKS[entry.level]),
          ` ${entry.level}`,
        ),
        h('span', { class: 'tv-time' }, formatOffset(entry.time - EPOCH_MS)),
        entry.line === undefined ? null : locationButton(this.host, entry.line, entry.column),
        h('pre', { class: 'tv-console-text' }, entry.text),
      ),
    );
    const dropped = run.result.stats.consoleDropped;
    const list = h('ol', { class: 'tv-console', 'aria-label': 'Console output' }, ...items);
    if (dropped > 0)
      this.root.replaceChildren(list, notice(`${String(dropped)} more lines were dropped by the console cap.`));
    else this.root.replaceChildren(list);
  }
}

import { h } from '../dom/h.ts';
import type { Severity } from '../model/finding.ts';
import { lessonHref } from '../model/lesson-href.ts';
import type { Problem } from '../model/problems.ts';
import { locationButton, notice, spanButton } from './span-bits.ts';
import { ListView } from './ListView.ts';

const SEVERITY: Record<Severity, { mark: string; word: string }> = {
  error: { mark: '✖', word: 'Error' },
  warning: { mark: '⚠', word: 'Warning' },
  info: { mark: 'ℹ', word: 'Note' },
};

/** The Problems tab: errors with their line and column, limits, findings, open spans, drops. */
export class ProblemsView extends ListView {
  protected draw(): void {
    const problems = this.run?.problems ?? [];
    if (this.run === null || problems.length === 0) {
      this.root.replaceChildren(
        notice(this.run === null ? 'No run yet.' : 'No problems: no errors, limits or findings.'),
      );
      return;
    }
    const items = problems.map((problem) => this.#item(problem));
    this.root.replaceChildren(h('ul', { class: 'tv-problems', 'aria-label': 'Problems' }, ...items));
  }

  #item(problem: Problem): HTMLLIElement {
    const { mark, word } = SEVERITY[problem.severity];
    const href = problem.lesson === undefined ? null : lessonHref(problem.lesson);
    const spans =
      problem.spans.length === 0
        ? null
        : h(
            'ul',
            { class: 'tv-problem-spans', 'aria-label': 'Spans' },
            ...problem.spans.map((entry) => h('li', {}, spanButton(this.host, entry))),
            problem.moreSpans > 0 ? h('li', { class: 'tv-none' }, `and ${String(problem.moreSpans)} more`) : null,
          );
    return h(
      'li',
      { class: `tv-problem tv-problem-${problem.severity}` },
      h(
        'p',
        { class: 'tv-problem-head' },
        h('span', { class: 'tv-severity' }, h('span', { 'aria-hidden': 'true' }, mark), ` ${word}`),
        h('strong', {}, problem.title),
        problem.line === undefined ? null : locationButton(this.host, problem.line, problem.column),
      ),
      h('p', { class: 'tv-problem-message' }, problem.message),
      spans,
      href === null
        ? null
        : h(
            'p',
            {},
            h(
              'a',
              { href, class: 'tv-lesson' },
              href.startsWith('/reference/') ? 'Read about the rule' : 'Read the lesson',
            ),
          ),
    );
  }
}

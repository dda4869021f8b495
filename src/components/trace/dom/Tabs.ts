import { h, uniqueId } from './h.ts';

/** One tab: its key and the text on it. */
export interface TabSpec<K extends string> {
  key: K;
  label: string;
}

/**
 * An accessible tab list (WAI-ARIA tabs, automatic activation) and its panels: arrows, Home and
 * End move between tabs; only the current tab is a tab stop; hidden panels are `hidden`.
 */
export class Tabs<K extends string> {
  /** The tablist element. */
  readonly list: HTMLElement;
  readonly #tabs = new Map<K, HTMLButtonElement>();
  readonly #panels = new Map<K, HTMLElement>();
  readonly #order: K[];
  readonly #onChange: (key: K) => void;
  #current: K;

  constructor(specs: ReadonlyArray<TabSpec<K>>, label: string, onChange: (key: K) => void) {
    const prefix = uniqueId('tv');
    this.#order = specs.map((spec) => spec.key);
    this.#current = specs[0]?.key ?? ('' as K);
    this.#onChange = onChange;
    this.list = h('div', { role: 'tablist', 'aria-label': label, class: 'tv-tablist' });
    for (const { key, label: text } of specs) {
      const selected = key === this.#current;
      const tab = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `${prefix}-tab-${key}`,
          'aria-controls': `${prefix}-panel-${key}`,
          'aria-selected': String(selected),
          tabindex: selected ? '0' : '-1',
          class: 'tv-tab',
        },
        text,
      );
      tab.addEventListener('click', () => this.select(key));
      tab.addEventListener('keydown', (event) => this.#onKey(event, key));
      const panel = h('section', {
        role: 'tabpanel',
        id: `${prefix}-panel-${key}`,
        'aria-labelledby': tab.id,
        tabindex: '0',
        class: `tv-panel tv-panel-${key}`,
        hidden: !selected,
      });
      this.#tabs.set(key, tab);
      this.#panels.set(key, panel);
      this.list.append(tab);
    }
  }

  /** The key of the tab shown. */
  get current(): K {
    return this.#current;
  }

  /** The panel of a tab. */
  panel(key: K): HTMLElement {
    const panel = this.#panels.get(key);
    if (panel === undefined) throw new Error(`No tab ${key}`);
    return panel;
  }

  /** Every panel, in tab order. */
  get panels(): HTMLElement[] {
    return this.#order.map((key) => this.panel(key));
  }

  /** Sets the text on a tab (a count, say). */
  setLabel(key: K, text: string): void {
    const tab = this.#tabs.get(key);
    if (tab !== undefined && tab.textContent !== text) tab.textContent = text;
  }

  /** Shows a tab's panel; moves focus to the tab when `focus`. */
  select(key: K, focus = false): void {
    const changed = key !== this.#current;
    this.#current = key;
    for (const [other, tab] of this.#tabs) {
      const selected = other === key;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      this.panel(other).hidden = !selected;
    }
    if (focus) this.#tabs.get(key)?.focus();
    if (changed) this.#onChange(key);
  }

  #onKey(event: KeyboardEvent, key: K): void {
    const index = this.#order.indexOf(key);
    const count = this.#order.length;
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % count;
    else if (event.key === 'ArrowLeft') next = (index - 1 + count) % count;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else return;
    event.preventDefault();
    const target = this.#order[next];
    if (target !== undefined) this.select(target, true);
  }
}

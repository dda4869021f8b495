/** Options of a roving-focus group. */
export interface RovingOptions<T extends HTMLElement | SVGElement> {
  /** The group's items in order. */
  items: readonly T[];
  /** Called when an item is clicked, or Enter or Space is pressed on it. */
  activate: (item: T, index: number) => void;
  /** Other elements that stand for an item when clicked (its label, say), by item index. */
  aliases?: ReadonlyMap<Element, number>;
}

/** A roving-focus group: one tab stop, arrows move focus, Enter/Space/click activate. */
export interface RovingGroup {
  /** Makes the item at `index` the group's tab stop (the selected one, say). */
  setCurrent(index: number): void;
  /** Removes the listeners. */
  dispose(): void;
}

const KEYS_NEXT = new Set(['ArrowDown', 'ArrowRight']);
const KEYS_PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

/**
 * Makes `items` inside `container` keyboard-operable as one tab stop (the WAI-ARIA roving
 * tabindex): arrows, Home and End move focus; Enter, Space and a click activate.
 */
export function rovingFocus<T extends HTMLElement | SVGElement>(
  container: Element,
  options: RovingOptions<T>,
): RovingGroup {
  const { items, activate } = options;
  const position = new Map<Element, number>([
    ...(options.aliases ?? []),
    ...items.map((item, i): [T, number] => [item, i]),
  ]);
  let current = 0;
  const setCurrent = (index: number): void => {
    items[current]?.setAttribute('tabindex', '-1');
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current]?.setAttribute('tabindex', '0');
  };
  items.forEach((item, i) => item.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  const indexOf = (target: EventTarget | null): number | undefined => {
    for (
      let node = target instanceof Element ? target : null;
      node !== null && node !== container;
      node = node.parentElement
    ) {
      const found = position.get(node);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const onKey = (event: Event): void => {
    if (!(event instanceof KeyboardEvent)) return;
    const index = indexOf(event.target);
    if (index === undefined) return;
    let next: number | undefined;
    if (KEYS_NEXT.has(event.key)) next = index + 1;
    else if (KEYS_PREVIOUS.has(event.key)) next = index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const item = items[index];
      if (item !== undefined) activate(item, index);
      return;
    } else return;
    event.preventDefault();
    setCurrent(next);
    items[current]?.focus();
  };
  const onClick = (event: Event): void => {
    const index = indexOf(event.target);
    const item = index === undefined ? undefined : items[index];
    if (index === undefined || item === undefined) return;
    setCurrent(index);
    activate(item, index);
  };
  container.addEventListener('keydown', onKey);
  container.addEventListener('click', onClick);
  return {
    setCurrent,
    dispose: () => {
      container.removeEventListener('keydown', onKey);
      container.removeEventListener('click', onClick);
    },
  };
}

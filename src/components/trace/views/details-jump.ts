/** The way to a span's details when a pick opened them out of view (below a long waterfall on a phone). */
import { h } from '../dom/h.ts';

/**
 * A button that shows itself when a span picked in a view has its details below or above the
 * screen, and takes the reader there (focus on the details' title). The views never move what the
 * reader points at, so the page does not scroll by itself; the button goes once the details are
 * in view, or with the selection.
 */
export class DetailsJump {
  readonly element: HTMLButtonElement;
  readonly #details: HTMLElement;
  readonly #observer: IntersectionObserver | null;

  constructor(details: HTMLElement, go: () => void) {
    this.#details = details;
    this.element = h('button', { type: 'button', class: 'tv-details-jump', hidden: true });
    this.element.addEventListener('click', () => {
      this.hide();
      go();
    });
    this.#observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            if (entries.some((entry) => entry.isIntersecting)) this.hide();
          })
        : null;
    this.#observer?.observe(details);
  }

  /** Offers the way to the details of `title` if they are out of view; hides the button if not. */
  offer(title: string): void {
    const box = this.#details.getBoundingClientRect();
    const out = box.height > 0 && (box.top >= innerHeight - 48 || box.bottom <= 0);
    this.element.hidden = !out;
    if (!out) return;
    this.element.textContent = `${box.top > 0 ? '↓' : '↑'} Details of ${title}`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}

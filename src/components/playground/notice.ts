/** A notice in a live region, with an optional one-shot action button (Undo reset). */

/** An action the notice offers once. */
export interface NoticeAction {
  label: string;
  action: () => void;
}

/** Shows `text` (and a button for `action`) in `region`, replacing what it said before. */
export function showNotice(region: HTMLElement, text: string, action?: NoticeAction): void {
  const message = document.createElement('span');
  message.textContent = text;
  region.replaceChildren(message);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', () => action.action(), { once: true });
    region.append(' ', button);
  }
  region.hidden = false;
}

/** Takes a notice away: what it said belonged to a state the reader has since left (an edit, a run). */
export function clearNotice(region: HTMLElement): void {
  region.replaceChildren();
  region.hidden = true;
}

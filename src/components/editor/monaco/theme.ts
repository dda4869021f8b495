/**
 * Monaco's theme follows the page: Starlight's `data-theme` on `<html>` when set, otherwise the
 * reader's `prefers-color-scheme`.
 */

/** Monaco's built-in light and dark themes. */
export type MonacoTheme = 'vs' | 'vs-dark';

/** The theme that matches the page now. */
export function pageTheme(): MonacoTheme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'dark' || chosen === 'light') return chosen === 'dark' ? 'vs-dark' : 'vs';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs';
}

/** Calls `apply` with the page's theme whenever it changes; returns the function that stops watching. */
export function watchPageTheme(apply: (theme: MonacoTheme) => void): () => void {
  const update = (): void => apply(pageTheme());
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', update);
  const observer = new MutationObserver(update);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    media.removeEventListener('change', update);
    observer.disconnect();
  };
}

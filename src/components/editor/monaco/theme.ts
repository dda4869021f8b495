/**
 * Monaco's theme follows the page: Starlight's `data-theme` on `<html>` when set, otherwise the
 * reader's `prefers-color-scheme`.
 */

/** Monaco's built-in light theme, and our dark one. */
export type MonacoTheme = 'vs' | 'span-lab-dark';

/** The part of `monaco.editor` that defines themes. */
interface ThemeRegistry {
  defineTheme(
    name: string,
    data: {
      base: 'vs-dark';
      inherit: true;
      rules: Array<{ token: string; foreground: string }>;
      colors: Record<string, string>;
    },
  ): void;
}

/**
 * Defines the dark theme: Monaco's vs-dark, with comments lighter than its #608b4e, which is
 * 4.2:1 on the editor's background (WCAG AA asks 4.5:1). #7ca668 is 5.9:1. vs passes as it is.
 */
export function defineThemes(editor: ThemeRegistry): void {
  editor.defineTheme('span-lab-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [{ token: 'comment', foreground: '7ca668' }],
    colors: {},
  });
}

/** The theme that matches the page now. */
export function pageTheme(): MonacoTheme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'dark' || chosen === 'light') return chosen === 'dark' ? 'span-lab-dark' : 'vs';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'span-lab-dark' : 'vs';
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

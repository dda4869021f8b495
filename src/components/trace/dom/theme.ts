/** Whether the page is dark: Starlight's `data-theme` on <html>, else the system preference. */
export function isDarkTheme(): boolean {
  const theme = document.documentElement.dataset['theme'];
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Calls `onChange` whenever the page switches between light and dark; returns the function that stops it. */
export function watchTheme(onChange: (dark: boolean) => void): () => void {
  let dark = isDarkTheme();
  const check = (): void => {
    const now = isDarkTheme();
    if (now === dark) return;
    dark = now;
    onChange(now);
  };
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', check);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', check);
  };
}

/** Inserts a stylesheet of Monaco's into the page: what its CSS imports become under vite-plugin-monaco-css.ts. */
export function adoptCss(css: string): void {
  const style = document.createElement('style');
  style.dataset['monaco'] = '';
  style.textContent = css;
  document.head.append(style);
}

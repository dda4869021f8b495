import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** `import './x.css';` as Monaco's ESM files write it. */
const CSS_IMPORT = /^import\s+(['"])([^'"]+\.css)\1;?[ \t]*$/gm;
const helper = JSON.stringify(fileURLToPath(new URL('./adopt-css.ts', import.meta.url)));

/**
 * A Vite plugin for `astro build` (wire it in astro.config.mjs: `vite: { plugins: [monacoLazyCss()] }`):
 * Monaco's CSS imports become strings its lazy chunk inserts when it loads. Without it, Astro links
 * the CSS of every chunk a page script may import dynamically into the page's <head>
 * (withastro/astro#9495): Monaco's ~27 KB gzip of render-blocking CSS on every page with an editor.
 * `astro dev` needs nothing: Vite injects CSS when the module loads.
 */
export function monacoLazyCss(): Plugin {
  return {
    name: 'spanlab:monaco-lazy-css',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/node_modules/monaco-editor/') || !id.endsWith('.js')) return null;
      const rewritten = rewriteCssImports(code);
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

/** The module with each `import './x.css';` replaced by code that inserts the CSS when the module runs. */
export function rewriteCssImports(code: string): string {
  let count = 0;
  const rewritten = code.replace(CSS_IMPORT, (_match, _quote: string, path: string) => {
    const name = `__monacoCss${count++}`;
    return `import ${name} from ${JSON.stringify(`${path}?inline`)}; __adoptMonacoCss(${name});`;
  });
  return count === 0 ? code : `import { adoptCss as __adoptMonacoCss } from ${helper};\n${rewritten}`;
}

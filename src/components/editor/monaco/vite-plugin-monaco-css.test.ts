import { describe, expect, it } from 'vitest';
import { rewriteCssImports } from './vite-plugin-monaco-css.ts';

describe('Monaco CSS imports made lazy', () => {
  it('turns each CSS import into an inline string the module inserts', () => {
    const code = "import { x } from './x.js';\nimport './media/suggest.css';\nimport \"../hover.css\";\nexport { x };";
    const rewritten = rewriteCssImports(code);
    expect(rewritten).toMatch(/^import \{ adoptCss as __adoptMonacoCss \} from ".*adopt-css\.ts";\n/);
    expect(rewritten).toContain(
      'import __monacoCss0 from "./media/suggest.css?inline"; __adoptMonacoCss(__monacoCss0);',
    );
    expect(rewritten).toContain('import __monacoCss1 from "../hover.css?inline"; __adoptMonacoCss(__monacoCss1);');
    expect(rewritten).toContain("import { x } from './x.js';");
  });

  it('leaves modules without CSS imports alone', () => {
    const code = "const tokenPostfix = '.css';\nexport { tokenPostfix };";
    expect(rewriteCssImports(code)).toBe(code);
  });
});

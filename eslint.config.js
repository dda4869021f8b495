// @ts-check
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** The engine's manifest, read as data (importing it would be the deep import the rule below forbids). */
const engine = /** @type {{ exports: Record<string, string> }} */ (
  JSON.parse(readFileSync(new URL('./src/simulator/package.json', import.meta.url), 'utf8'))
);
/** The engine's entry points other than its index: `sql`, `browser`, `node`, `testing`, … */
const ENGINE_ENTRY_POINTS = Object.keys(engine.exports)
  .filter((key) => key !== '.')
  .map((key) => key.slice(2));

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'src/env.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in Node and in a Web Worker: no DOM, no Astro, no components.
    files: ['src/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['astro', 'astro:*', 'astro/*'],
              message: 'The engine has no Astro: it runs in Node and in a worker.',
            },
            { group: ['**/components/**', '**/pages/**'], message: 'The engine may not import components or pages.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator'],
    },
  },
  {
    // The engine is a package (@spanlab/engine, src/simulator/package.json): outside it, only its
    // declared entry points may be imported, never a file inside it.
    files: ['**/*.{ts,mts,js,mjs}'],
    ignores: ['src/simulator/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)simulator(/|$)',
              message:
                'Import the engine through @spanlab/engine or one of its entry points (its package.json `exports`), never a path inside it.',
            },
            {
              regex: `^@spanlab/engine/(?!(${ENGINE_ENTRY_POINTS.join('|')})$)`,
              message: 'Not an entry point of @spanlab/engine: see the `exports` of src/simulator/package.json.',
            },
          ],
        },
      ],
    },
  },
  {
    // A lint rule reference example whose mistake is an untyped JSON value passed on as a link: the
    // code readers see and copy carries no lint-suppression comments, so the rules are off here.
    files: ['src/content/scenarios/links-from-json-array.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import engine from './package.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '../..');
const ENTRY_POINTS = Object.keys(engine.exports).map((key) => key.replace(/^\.\/?/, ''));

/** The files under a folder (skipping dependencies, builds and the engine itself) whose names match. */
function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !/(^|\/)(node_modules|dist|\.astro)\//.test(path) && !path.startsWith('src/simulator/'));
}

describe('@spanlab/engine', () => {
  it('declares entry points that exist', () => {
    for (const target of Object.values(engine.exports))
      expect(existsSync(join(import.meta.dirname, target))).toBe(true);
  });

  // ESLint's no-restricted-imports guards the .ts and .mjs files; this guards what it does not read.
  it('is imported from Astro components and MDX only through its entry points', () => {
    const specifier = /(?:from\s+|import\s*\(?\s*)['"]([^'"]+)['"]/g;
    const deep: string[] = [];
    for (const file of files('src', /\.(astro|mdx)$/)) {
      for (const [, spec = ''] of readFileSync(join(ROOT, file), 'utf8').matchAll(specifier)) {
        const inside = /(^|\/)simulator(\/|$)/.test(spec);
        const subpath = /^@spanlab\/engine(?:\/(.*))?$/.exec(spec)?.[1] ?? '';
        if (inside || (spec.startsWith('@spanlab/engine') && !ENTRY_POINTS.includes(subpath)))
          deep.push(`${file}: ${spec}`);
      }
    }
    expect(deep).toEqual([]);
  });
});

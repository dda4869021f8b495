import type { PlacedSpan } from './span-tree.ts';

// Guides are drawn for up to this many levels; deeper rows also print their depth.
const MAX_GUIDES = 8;

const NBSP = '\u00A0';
const PASS = `│${NBSP}${NBSP}`;
const GAP = `${NBSP}${NBSP}${NBSP}`;
const TEE = `├─${NBSP}`;
const ELBOW = `└─${NBSP}`;

/**
 * The tree guides before each row's label, for spans in tree order (`treeOrder`): `├─ ` for a
 * child with later siblings, `└─ ` for the last child, `│  ` where an ancestor's siblings
 * continue below, nothing for a root. Rows deeper than eight levels print their depth too.
 * Spaces are no-break spaces, so a renderer that collapses spaces keeps the indent.
 */
export function treeGuides(placed: readonly PlacedSpan[]): string[] {
  const guides: string[] = new Array<string>(placed.length).fill('');
  // more[d]: a later row at depth d follows before any shallower row (scanning from the end).
  const more: boolean[] = [];
  for (let i = placed.length - 1; i >= 0; i--) {
    const depth = placed[i]?.depth ?? 0;
    if (depth > 0) {
      const shown = Math.min(depth, MAX_GUIDES);
      let prefix = '';
      for (let level = 1; level < shown; level++) prefix += more[level] === true ? PASS : GAP;
      prefix += more[depth] === true ? TEE : ELBOW;
      guides[i] = depth > MAX_GUIDES ? `${prefix}${String(depth)}${NBSP}` : prefix;
    }
    more[depth] = true;
    more.length = depth + 1;
  }
  return guides;
}

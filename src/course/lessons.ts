/**
 * The course's lessons, derived from what exists: every `src/content/docs/lessons/<slug>.mdx`, in
 * the order of its `sidebar.order`. Node only (the build, content schemas, tests, bench): the
 * files are read from the project root, where every one of those runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Where the lessons live. */
export const LESSONS_DIR = join(process.cwd(), 'src/content/docs/lessons');

function sidebarOrder(file: string): number {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(LESSONS_DIR, file), 'utf8'))?.[1] ?? '';
  const order = (parse(frontmatter) as { sidebar?: { order?: unknown } } | null)?.sidebar?.order;
  if (typeof order !== 'number') throw new Error(`${file}: a lesson needs a numeric sidebar.order`);
  return order;
}

/** The lessons' slugs, in reading order. */
export const LESSON_SLUGS: readonly string[] = readdirSync(LESSONS_DIR)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => ({ slug: file.slice(0, -'.mdx'.length), order: sidebarOrder(file) }))
  .sort((a, b) => a.order - b.order)
  .map(({ slug }) => slug);

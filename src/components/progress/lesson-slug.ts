/** The lesson a path is, or undefined: `/lessons/parent-child/` → `parent-child`. */
export function lessonSlugOf(path: string): string | undefined {
  return /^\/lessons\/([a-z0-9-]+)\/?$/.exec(path)?.[1];
}

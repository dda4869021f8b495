/** Where a finding's lesson lives: a path as given, a slug under /lessons/, anything else nowhere. */
export function lessonHref(lesson: string): string | null {
  if (/^\/(?!\/)[\w\-./#]*$/.test(lesson)) return lesson;
  if (/^[a-z0-9][a-z0-9-]*(#[\w-]+)?$/i.test(lesson)) {
    const [slug, hash] = lesson.split('#');
    return `/lessons/${slug ?? ''}/${hash === undefined ? '' : `#${hash}`}`;
  }
  return null;
}

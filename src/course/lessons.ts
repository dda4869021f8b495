/** The course's lessons, by slug, in reading order. */
export const LESSON_SLUGS = [
  'understanding-span-relationships',
  'parent-child',
  'span-links',
  'when-to-use-each',
  'implementation-patterns',
  'real-world-scenarios',
  'visualization-and-analysis',
  'best-practices',
] as const;

/** A lesson's slug. */
export type LessonSlug = (typeof LESSON_SLUGS)[number];

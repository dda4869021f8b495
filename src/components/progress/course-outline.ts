/** The course as the overview shows it: the lessons in order, each with its exercises and its quiz. */
import { LESSON_SLUGS } from '../../course/lessons.ts';

/** An exercise or a quiz, as listed under its lesson. */
export interface OutlineItem {
  /** The exercise id or the quiz bank id: what progress is recorded under. */
  id: string;
  title: string;
}

/** One lesson of the course. */
export interface OutlineLesson {
  slug: string;
  title: string;
  /** Its page, or undefined while it is not written yet. */
  href: string | undefined;
  exercises: OutlineItem[];
  quiz: OutlineItem | undefined;
}

/** What the outline is built from: the docs, exercises and quizzes collections, reduced to plain data. */
export interface OutlineSources {
  /** Written lessons: slug and title. */
  lessons: ReadonlyArray<{ slug: string; title: string }>;
  exercises: ReadonlyArray<OutlineItem & { lesson: string }>;
  quizzes: ReadonlyArray<OutlineItem & { lesson?: string | undefined }>;
}

// "when-to-use-each" → "When to use each": the title of a lesson not written yet.
function titleOf(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The course's lessons in their fixed order, with their exercises (by id) and the quiz that closes each. */
export function courseOutline({ lessons, exercises, quizzes }: OutlineSources): OutlineLesson[] {
  return LESSON_SLUGS.map((slug) => {
    const written = lessons.find((lesson) => lesson.slug === slug);
    const quiz = quizzes.find((bank) => bank.lesson === slug);
    return {
      slug,
      title: written?.title ?? titleOf(slug),
      href: written ? `/lessons/${slug}/` : undefined,
      exercises: exercises
        .filter((exercise) => exercise.lesson === slug)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(({ id, title }) => ({ id, title })),
      quiz: quiz && { id: quiz.id, title: quiz.title },
    };
  });
}

import { describe, expect, it } from 'vitest';
import { LESSON_SLUGS } from '../../course/lessons.ts';
import { courseOutline } from './course-outline.ts';

describe('courseOutline', () => {
  const outline = courseOutline({
    lessons: [
      { slug: 'span-links', title: 'Span links' },
      { slug: 'understanding-span-relationships', title: 'Understanding span relationships' },
    ],
    exercises: [
      { id: 'links-at-start', title: 'Add the links when the span starts', lesson: 'span-links' },
      { id: 'link-the-batch', title: 'Link the batch to its messages', lesson: 'span-links' },
      { id: 'order-children', title: 'Make the steps children of the order', lesson: 'parent-child' },
    ],
    quizzes: [
      { id: 'span-links', title: 'Check yourself: span links', lesson: 'span-links' },
      { id: 'everything', title: 'Every question' },
    ],
  });

  it('lists the lessons in the course order, whatever order the collections come in', () => {
    expect(outline.map((lesson) => lesson.slug)).toEqual([...LESSON_SLUGS]);
  });

  it('links written lessons and names the others from their slug, without a link', () => {
    const at = (slug: string) => outline.find((lesson) => lesson.slug === slug);
    expect(at('span-links')).toMatchObject({ title: 'Span links', href: '/lessons/span-links/' });
    expect(at('when-to-use-each')).toMatchObject({ title: 'When to use each', href: undefined });
  });

  it("puts each exercise and the lesson's quiz under its lesson; a bank with no lesson is in none", () => {
    expect(outline[1]!.exercises).toEqual([{ id: 'order-children', title: 'Make the steps children of the order' }]);
    const links = outline.find((lesson) => lesson.slug === 'span-links')!;
    expect(links.exercises.map((exercise) => exercise.id)).toEqual(['link-the-batch', 'links-at-start']);
    expect(links.quiz).toEqual({ id: 'span-links', title: 'Check yourself: span links' });
    expect(outline.filter((lesson) => lesson.quiz).length).toBe(1);
    expect(outline[0]).toMatchObject({ exercises: [], quiz: undefined });
  });
});

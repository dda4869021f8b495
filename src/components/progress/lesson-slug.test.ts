import { describe, expect, it } from 'vitest';
import { lessonSlugOf } from './lesson-slug.ts';

describe('lessonSlugOf', () => {
  it('finds the slug of a lesson page, with or without the trailing slash', () => {
    expect(lessonSlugOf('/lessons/parent-child/')).toBe('parent-child');
    expect(lessonSlugOf('/lessons/span-links')).toBe('span-links');
  });

  it('finds none on other pages', () => {
    expect(['/', '/course/', '/playground/', '/lessons/', '/lessons/a/b/', '/x/lessons/a/'].map(lessonSlugOf)).toEqual(
      Array(6).fill(undefined),
    );
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { markLessonRead, resetProgress } from '../../course/progress.ts';
import { showReadInSidebar } from './sidebar-read-marks.ts';

// Starlight's sidebar, as far as the marks care: links inside <sl-sidebar-state-persist>.
beforeEach(() => {
  window.localStorage.clear();
  document.body.innerHTML = `
    <sl-sidebar-state-persist>
      <a href="/course/"><span>Course overview</span></a>
      <a href="/lessons/parent-child/"><span>Parent and child</span></a>
      <a href="/lessons/span-links/" aria-current="page"><span>Span links</span></a>
    </sl-sidebar-state-persist>
    <main><a href="/lessons/parent-child/">a link in the text</a></main>`;
});

function names(): string[] {
  return [...document.querySelectorAll('a')].map((a) => a.textContent.replace(/\s+/g, ' ').trim());
}

describe('showReadInSidebar', () => {
  it('marks the read lessons of the sidebar only, with "(read)" for screen readers, and follows changes', () => {
    markLessonRead('parent-child');
    showReadInSidebar();
    expect(names()).toEqual(['Course overview', 'Parent and child (read)', 'Span links', 'a link in the text']);
    expect(document.querySelector('.span-lab-read-mark svg')?.getAttribute('aria-hidden')).toBe('true');

    markLessonRead('span-links');
    markLessonRead('span-links');
    expect(names()).toEqual(['Course overview', 'Parent and child (read)', 'Span links (read)', 'a link in the text']);

    resetProgress();
    expect(names()).toEqual(['Course overview', 'Parent and child', 'Span links', 'a link in the text']);
  });
});

import {
  onProgressChange,
  progressIsKept,
  readProgress,
  resetProgress,
  type CourseProgress,
} from '../../course/progress.ts';
import { confirmDialog } from './confirm-dialog.ts';
import { summarize, type CourseIds } from './progress-summary.ts';
import { exerciseState, lessonState, quizState, type ItemState } from './state-text.ts';

/**
 * `<course-progress>`: fills the course overview the server rendered with the reader's progress
 * from this browser, keeps it current (this tab and others), and resets it after confirmation.
 */
export class CourseProgressElement extends HTMLElement {
  #stop: (() => void) | undefined;

  connectedCallback(): void {
    this.#stop ??= onProgressChange((progress) => this.#show(progress));
    this.#show(readProgress());
    const reset = this.#part('reset');
    reset.onclick = async () => {
      if (!(await confirmDialog(this.#part('dialog') as HTMLDialogElement, reset))) return;
      resetProgress();
      this.#part('status').textContent = 'Your progress has been reset.';
    };
  }

  disconnectedCallback(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  #ids(attribute: string): string[] {
    return [...this.querySelectorAll<HTMLElement>(`[${attribute}]`)].map((item) => item.getAttribute(attribute)!);
  }

  #show(progress: CourseProgress): void {
    const course: CourseIds = {
      lessons: this.#ids('data-lesson'),
      exercises: this.#ids('data-exercise'),
      quizzes: this.#ids('data-quiz'),
    };
    const kept = progressIsKept();
    this.#part('blocked').hidden = kept;
    this.#part('kept').hidden = !kept;
    const summary = summarize(course, progress);
    this.#count('lessons', summary.lessonsRead, course.lessons.length);
    this.#count('exercises', summary.exercisesPassed, course.exercises.length);
    this.#count('quizzes', summary.quizzesTaken, course.quizzes.length);
    const { best, total } = summary.quizPoints;
    this.#part('points').textContent =
      total === 0 ? 'No quiz taken yet' : `Best scores: ${String(best)} of ${String(total)} points`;
    this.#continue(progress);
    for (const item of this.querySelectorAll<HTMLElement>('[data-lesson]')) {
      this.#state(item, lessonState(progress, item.dataset['lesson']!));
    }
    for (const item of this.querySelectorAll<HTMLElement>('[data-exercise]')) {
      this.#state(item, exerciseState(progress, item.dataset['exercise']!));
    }
    for (const item of this.querySelectorAll<HTMLElement>('[data-quiz], [data-full-quiz]')) {
      this.#state(item, quizState(progress, (item.dataset['quiz'] ?? item.dataset['fullQuiz'])!));
    }
  }

  // The call to action: the first written lesson not read yet, or the full quiz once all are read.
  #continue(progress: CourseProgress): void {
    const link = this.querySelector<HTMLAnchorElement>('[data-co="continue"]');
    if (!link) return;
    const lessons = [...this.querySelectorAll<HTMLElement>('[data-lesson]')].flatMap((item) => {
      const anchor = item.querySelector<HTMLAnchorElement>('h3 a');
      return anchor ? [{ slug: item.dataset['lesson']!, anchor }] : [];
    });
    const next = lessons.find((lesson) => !progress.lessonsRead.includes(lesson.slug));
    const fullQuiz = this.querySelector<HTMLAnchorElement>('.co-full__title a');
    const target = next?.anchor ?? fullQuiz;
    link.parentElement!.hidden = target === null;
    if (!target) return;
    link.href = target.href;
    const started = progress.lessonsRead.length > 0;
    this.#part('continue-label').textContent = next ? (started ? 'Continue with' : 'Start with') : 'Every lesson read:';
    this.#part('continue-title').textContent = next ? target.textContent : 'take the full quiz';
  }

  #count(name: string, done: number, of: number): void {
    const card = this.#part(name);
    card.querySelector('[data-co-done]')!.textContent = String(done);
    card.style.setProperty('--co-done', of === 0 ? '0' : String(done / of));
  }

  // An item's own state: the first [data-co-state] inside it that no nested item owns.
  #state(item: HTMLElement, state: ItemState): void {
    const badge = item.querySelector<HTMLElement>(':scope > [data-co-state], :scope > * > [data-co-state]');
    if (!badge) return;
    badge.dataset['done'] = String(state.done);
    badge.querySelector('[data-co-text]')!.textContent = state.text;
  }

  #part(name: string): HTMLElement {
    return this.querySelector(`[data-co="${name}"]`) as HTMLElement;
  }
}

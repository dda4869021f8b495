// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { ExerciseHelp } from './exercise-help.ts';

beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined; // jsdom does no layout
});

function mount(hints: number, answer: 'code' | 'query') {
  const root = document.createElement('div');
  root.innerHTML = `
    <button data-ex="hint"></button><button data-ex="solution" aria-expanded="false">Show solution</button>
    <button data-ex="copy">Copy solution</button>
    <p data-ex="status"></p>
    <ol data-ex="hints" hidden>${'<li data-ex="hint-item" tabindex="-1" hidden>hint</li>'.repeat(hints)}</ol>
    <div data-ex="solution-panel" hidden><div data-ex="diff"></div></div>`;
  document.body.replaceChildren(root);
  const part = (name: string) => root.querySelector<HTMLElement>(`[data-ex="${name}"]`) as HTMLElement;
  let diffs = 0;
  const help = new ExerciseHelp(root, {
    drawDiff: () => {
      diffs += 1;
      return Promise.resolve();
    },
    solution: () => 'SELECT span_id FROM spans',
    answer,
  });
  return { help, part, diffs: () => diffs };
}

describe('ExerciseHelp', () => {
  it('shows the hints one at a time, focusing each, and says when all are shown', () => {
    const { part } = mount(2, 'code');
    const button = part('hint') as HTMLButtonElement;
    expect(button.textContent).toBe('Hint 1 of 2');
    button.click();
    const items = [...document.querySelectorAll<HTMLElement>('[data-ex="hint-item"]')];
    expect(items.map((item) => item.hidden)).toEqual([false, true]);
    expect(document.activeElement).toBe(items[0]);
    expect(part('status').textContent).toBe('Hint 1 of 2 shown.');
    button.click();
    expect(button.textContent).toBe('All 2 hints shown');
    expect(button.disabled).toBe(true);
  });

  it('has no hint button to press when there are none', () => {
    const { part } = mount(0, 'code');
    expect((part('hint') as HTMLButtonElement).disabled).toBe(true);
    expect(part('hint').textContent).toBe('No hints');
  });

  it('opens the solution with its diff drawn, names the answer, and closes it', async () => {
    const { help, part, diffs } = mount(1, 'query');
    part('solution').click();
    await expect.poll(() => help.solutionOpen).toBe(true);
    expect(diffs()).toBe(1);
    expect(part('solution').getAttribute('aria-expanded')).toBe('true');
    expect(part('status').textContent).toBe(
      'The solution is shown beside your query as a diff; your query is unchanged.',
    );
    part('solution').click();
    expect(help.solutionOpen).toBe(false);
    expect(part('solution').textContent).toBe('Show solution');
  });

  it('copies the solution, or says how to copy it by hand when the clipboard refuses', async () => {
    const { part } = mount(1, 'query');
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
    part('copy').click();
    await expect.poll(() => part('status').textContent).toBe('The solution is copied to the clipboard.');
    expect(copied).toEqual(['SELECT span_id FROM spans']);
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    part('copy').click();
    await expect.poll(() => part('status').textContent).toMatch(/^Couldn't copy to the clipboard/);
  });
});

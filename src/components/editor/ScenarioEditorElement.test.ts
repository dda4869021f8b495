// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioEditorElement, type ScenarioEditorEventDetail } from './ScenarioEditorElement.ts';
import type { CodeEditor, CodeEditorOptions, Problem } from './types.ts';

customElements.define('scenario-editor', ScenarioEditorElement);

/** An IntersectionObserver the test makes fire. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  readonly callback: IntersectionObserverCallback;
  constructor(callback: IntersectionObserverCallback) {
    this.callback = callback;
    FakeObserver.instances.push(this);
  }
  observe(): void {}
  disconnect(): void {}
  /** Reports the element as visible. */
  show(): void {
    this.callback([{ isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

/** A stand-in for Monaco that records what the element asks of it. */
class FakeEditor implements CodeEditor {
  readonly options: CodeEditorOptions;
  value: string;
  problems: readonly Problem[] = [];
  revealed: number[] = [];
  focused = false;
  disposed = false;
  constructor(options: CodeEditorOptions) {
    this.options = options;
    this.value = options.value;
  }
  getValue(): string {
    return this.value;
  }
  setValue(value: string): void {
    this.value = value;
  }
  setProblems(problems: readonly Problem[]): void {
    this.problems = problems;
  }
  focus(): void {
    this.focused = true;
  }
  revealLine(line: number): void {
    this.revealed.push(line);
  }
  hasFocus(): boolean {
    return this.focused;
  }
  dispose(): void {
    this.disposed = true;
  }
  /** Types: changes the text and tells the element, as Monaco would. */
  type(value: string): void {
    this.value = value;
    this.options.onChange();
  }
}

const CODE = "import { trace } from '@opentelemetry/api';\n\nconst tracer = trace.getTracer('x');\n";

function serverMarkup(): string {
  const lines = CODE.replace(/\n$/, '')
    .split('\n')
    .map((line) => `<span class="line">${line}</span>`)
    .join('\n');
  return `<scenario-editor label="Scenario: test" data-trailing-newlines="1">
    <div data-part="surface" role="group" aria-label="Scenario: test"><pre tabindex="0"><code>${lines}</code></pre></div>
    <p data-part="hint" id="hint-1">hint</p><p data-part="status" role="status"></p>
  </scenario-editor>`;
}

function mount(): ScenarioEditorElement {
  document.body.innerHTML = serverMarkup();
  const element = document.querySelector('scenario-editor');
  if (!element) throw new Error('no element');
  return element;
}

function events(element: HTMLElement, type: 'change' | 'run'): string[] {
  const values: string[] = [];
  element.addEventListener(type, (event) =>
    values.push((event as CustomEvent<ScenarioEditorEventDetail>).detail.value),
  );
  return values;
}

function textarea(element: HTMLElement): HTMLTextAreaElement {
  const found = element.querySelector('textarea');
  if (!found) throw new Error('no textarea');
  return found;
}

function key(target: HTMLElement, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

let created: FakeEditor[] = [];

beforeEach(() => {
  FakeObserver.instances = [];
  created = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  ScenarioEditorElement.loadEditor = () =>
    Promise.resolve((options: CodeEditorOptions) => {
      const editor = new FakeEditor(options);
      created.push(editor);
      return editor;
    });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('<scenario-editor> before it is reached', () => {
  it('shows the server-rendered code and knows its exact text', () => {
    const element = mount();
    expect(element.mode).toBe('static');
    expect(element.value).toBe(CODE);
    expect(created).toHaveLength(0);
  });

  it('loads nothing until it is visible, then mounts the rich editor once the page has been quiet', async () => {
    vi.useFakeTimers();
    const element = mount();
    FakeObserver.instances[0]?.show();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(element.mode, 'Monaco waits for a quiet page').toBe('static');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(element.mode).toBe('monaco');
    expect(element.dataset['mode']).toBe('monaco');
    const [editor] = created;
    expect(editor?.options.value).toBe(CODE);
    expect(editor?.options.label).toBe('Scenario: test');
    expect(editor?.options.describedBy).toBe('hint-1');
  });

  it('waits for a Run in progress (beforeUpgrade) and a quiet time after it before loading by itself', async () => {
    vi.useFakeTimers();
    let finishRun: () => void = () => undefined;
    const run = new Promise<void>((resolve) => (finishRun = resolve));
    ScenarioEditorElement.beforeUpgrade = () => run;
    try {
      const element = mount();
      FakeObserver.instances[0]?.show();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(element.mode, 'no editor while the run goes').toBe('static');
      finishRun();
      await vi.advanceTimersByTimeAsync(3_000);
      expect(element.mode).toBe('static');
      await vi.advanceTimersByTimeAsync(1_500);
      expect(element.mode).toBe('monaco');
    } finally {
      ScenarioEditorElement.beforeUpgrade = undefined;
    }
  });

  it('loads at once when the reader points at the code', async () => {
    const element = mount();
    FakeObserver.instances[0]?.show();
    element.dispatchEvent(new Event('pointerenter'));
    await element.upgrade();
    expect(element.mode).toBe('monaco');
    expect(created).toHaveLength(1);
  });

  it('upgrades when focused, and moves focus into the editor', async () => {
    const element = mount();
    element.focus();
    await element.upgrade();
    expect(created[0]?.focused).toBe(true);
  });

  it('keeps a value, problems and a line set before the editor arrives', async () => {
    const element = mount();
    const changes = events(element, 'change');
    element.value = 'let a = 1;';
    const problems: Problem[] = [{ line: 1, column: 5, message: 'unused', severity: 'warning' }];
    element.setProblems(problems);
    element.revealLine(1);
    expect(element.querySelector('pre')?.textContent).toBe('let a = 1;');
    await element.upgrade();
    expect(created[0]?.value).toBe('let a = 1;');
    expect(created[0]?.problems).toEqual(problems);
    expect(created[0]?.revealed).toEqual([1]);
    expect(changes).toEqual([]);
  });

  it('runs on Ctrl+Enter and Cmd+Enter while still highlighted text', () => {
    const element = mount();
    const runs = events(element, 'run');
    key(element.querySelector('pre') as HTMLElement, { key: 'Enter', ctrlKey: true });
    key(element.querySelector('pre') as HTMLElement, { key: 'Enter', metaKey: true });
    expect(runs).toEqual([CODE, CODE]);
  });

  it('builds its own parts when made from script', async () => {
    const element = document.createElement('scenario-editor');
    element.setAttribute('label', 'Made');
    document.body.append(element);
    element.value = 'x';
    await element.upgrade();
    expect(created[0]?.options.label).toBe('Made');
    expect(element.querySelector('[data-part="hint"]')?.id).toBe(created[0]?.options.describedBy);
  });
});

describe('<scenario-editor> events', () => {
  it('fires change 300 ms after the reader stops typing, not when value is set', async () => {
    const element = mount();
    await element.upgrade();
    vi.useFakeTimers();
    const changes = events(element, 'change');
    created[0]?.type('a');
    vi.advanceTimersByTime(200);
    created[0]?.type('ab');
    vi.advanceTimersByTime(299);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual(['ab']);
    element.value = 'set by the page';
    vi.advanceTimersByTime(1000);
    expect(changes).toEqual(['ab']);
  });

  it('flushes a pending change before run, and when the page is hidden', async () => {
    const element = mount();
    await element.upgrade();
    const order: string[] = [];
    element.addEventListener('change', () => order.push('change'));
    element.addEventListener('run', () => order.push('run'));
    created[0]?.type('typed');
    created[0]?.options.onRun();
    created[0]?.type('more');
    window.dispatchEvent(new Event('pagehide'));
    expect(order).toEqual(['change', 'run', 'change']);
  });

  it('does not let the inner textarea’s native change event pass for its own', async () => {
    ScenarioEditorElement.loadEditor = undefined;
    const element = mount();
    await element.upgrade();
    const seen: unknown[] = [];
    element.addEventListener('change', (event) => seen.push((event as CustomEvent).detail));
    textarea(element).dispatchEvent(new Event('change', { bubbles: true }));
    expect(seen).toEqual([]);
  });
});

describe('<scenario-editor> falls back to a textarea', () => {
  it('on a narrow screen, without loading Monaco', async () => {
    const load = vi.fn(ScenarioEditorElement.loadEditor);
    ScenarioEditorElement.loadEditor = load;
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === ScenarioEditorElement.narrowQuery }));
    const element = mount();
    await element.upgrade();
    expect(element.mode).toBe('textarea');
    expect(load).not.toHaveBeenCalled();
    expect(textarea(element).value).toBe(CODE);
    expect(textarea(element).getAttribute('aria-label')).toBe('Scenario: test');
    expect(textarea(element).getAttribute('aria-describedby')).toBe('hint-1');
  });

  it('when Monaco fails to load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ScenarioEditorElement.loadEditor = () => Promise.reject(new Error('offline'));
    const element = mount();
    await element.upgrade();
    expect(element.mode).toBe('textarea');
    expect(warn).toHaveBeenCalled();
  });

  it('when Monaco breaks after mounting (a worker that does not load), keeping the text and focus', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = mount();
    await element.upgrade();
    const editor = created[0];
    editor?.type('edited');
    editor?.focus();
    editor?.options.onFail(new Error('worker'));
    await vi.waitFor(() => expect(element.mode).toBe('textarea'));
    expect(editor?.disposed).toBe(true);
    expect(textarea(element).value).toBe('edited');
    expect(document.activeElement).toBe(textarea(element));
  });
});

describe('the textarea editor', () => {
  async function textareaEditor(): Promise<{ element: ScenarioEditorElement; area: HTMLTextAreaElement }> {
    ScenarioEditorElement.loadEditor = undefined;
    const element = mount();
    await element.upgrade();
    return { element, area: textarea(element) };
  }

  it('indents with Tab and outdents with Shift+Tab', async () => {
    const { area } = await textareaEditor();
    area.setSelectionRange(0, 0);
    expect(key(area, { key: 'Tab' }).defaultPrevented).toBe(true);
    expect(area.value.startsWith('  import')).toBe(true);
    key(area, { key: 'Tab', shiftKey: true });
    expect(area.value).toBe(CODE);
  });

  it('lets Tab move focus after Ctrl+M, as Monaco does', async () => {
    const { element, area } = await textareaEditor();
    key(area, { key: 'm', ctrlKey: true });
    expect(key(area, { key: 'Tab' }).defaultPrevented).toBe(false);
    expect(area.value).toBe(CODE);
    expect(element.textContent).toContain('Tab now moves focus');
    key(area, { key: 'm', ctrlKey: true });
    expect(key(area, { key: 'Tab' }).defaultPrevented).toBe(true);
  });

  it('runs on Ctrl/Cmd+Enter with the current text', async () => {
    const { element, area } = await textareaEditor();
    const runs = events(element, 'run');
    area.value = 'edited';
    expect(key(area, { key: 'Enter', metaKey: true }).defaultPrevented).toBe(true);
    expect(runs).toEqual(['edited']);
  });

  it('reports typing as change, debounced', async () => {
    const { element, area } = await textareaEditor();
    vi.useFakeTimers();
    const changes = events(element, 'change');
    area.value = 'typed';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    vi.advanceTimersByTime(300);
    expect(changes).toEqual(['typed']);
  });

  it('lists problems under it; choosing one puts the cursor on its line', async () => {
    const { element, area } = await textareaEditor();
    element.setProblems([{ line: 3, column: 7, message: 'Type error', severity: 'error' }]);
    const list = element.querySelector('ul');
    expect(list?.hidden).toBe(false);
    const button = list?.querySelector('button');
    expect(button?.textContent).toBe('Line 3, column 7 — error: Type error');
    button?.click();
    expect(area.selectionStart).toBe(CODE.indexOf('const'));
    expect(document.activeElement).toBe(area);
    element.setProblems([]);
    expect(list?.hidden).toBe(true);
  });

  it('focus() and revealLine() reach the textarea', async () => {
    const { element, area } = await textareaEditor();
    element.focus();
    expect(document.activeElement).toBe(area);
    element.revealLine(2);
    expect(area.selectionStart).toBe(CODE.indexOf('\n') + 1);
  });
});

describe('<scenario-editor> removed from the page', () => {
  it('frees its editor and shows its last text again if it comes back', async () => {
    const element = mount();
    await element.upgrade();
    created[0]?.type('kept');
    element.remove();
    await Promise.resolve();
    expect(created[0]?.disposed).toBe(true);
    expect(element.mode).toBe('static');
    expect(element.value).toBe('kept');
    document.body.append(element);
    expect(element.querySelector('pre')?.textContent).toBe('kept');
  });
});

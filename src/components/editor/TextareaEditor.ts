import { isPlainTab, isRunShortcut, isTabFocusToggle } from './keys.ts';
import { ProblemList } from './ProblemList.ts';
import { indentEdit, newlineEdit, offsetOfLine, outdentEdit, type TextEdit } from './textarea-edits.ts';
import type { CodeEditor, CodeEditorOptions, CreateCodeEditor, Problem } from './types.ts';

/**
 * The plain editor: a labelled monospace `<textarea>` where Tab indents (Ctrl+M toggles that, as in
 * Monaco), Ctrl/Cmd+Enter runs, and problems show as a list under it. Used on narrow screens and
 * whenever Monaco cannot load.
 */
export class TextareaEditor implements CodeEditor {
  readonly #textarea: HTMLTextAreaElement;
  readonly #problems: ProblemList;
  readonly #announcer: HTMLElement;
  readonly #options: CodeEditorOptions;
  readonly #onKeyDown = (event: KeyboardEvent): void => this.#keyDown(event);
  readonly #onInput = (): void => this.#options.onChange();
  #tabMovesFocus = false;
  #escaped = false;

  constructor(options: CodeEditorOptions) {
    this.#options = options;
    const doc = options.host.ownerDocument;
    const textarea = doc.createElement('textarea');
    textarea.className = 'scenario-editor__textarea';
    textarea.value = options.value;
    textarea.setAttribute('aria-label', options.label);
    textarea.setAttribute('aria-describedby', options.describedBy);
    textarea.spellcheck = false;
    textarea.wrap = 'off';
    textarea.autocapitalize = 'off';
    textarea.setAttribute('autocomplete', 'off');
    textarea.setAttribute('autocorrect', 'off');
    textarea.rows = Math.min(Math.max(options.value.split('\n').length + 1, 6), 30);
    textarea.addEventListener('keydown', this.#onKeyDown);
    textarea.addEventListener('input', this.#onInput);
    this.#textarea = textarea;
    this.#announcer = doc.createElement('p');
    this.#announcer.className = 'scenario-editor__sr-only';
    this.#announcer.setAttribute('aria-live', 'polite');
    this.#problems = new ProblemList(doc, (line) => {
      this.revealLine(line);
      this.focus();
    });
    options.host.replaceChildren(textarea, this.#announcer, this.#problems.element);
  }

  /** The textarea itself, for tests and styling. */
  get textarea(): HTMLTextAreaElement {
    return this.#textarea;
  }

  getValue(): string {
    return this.#textarea.value;
  }

  setValue(value: string): void {
    this.#textarea.value = value;
  }

  setProblems(problems: readonly Problem[]): void {
    this.#problems.show(problems);
  }

  focus(): void {
    this.#textarea.focus();
  }

  revealLine(line: number): void {
    const textarea = this.#textarea;
    const value = textarea.value;
    const start = offsetOfLine(value, line);
    const caret = start + (/^ */.exec(value.slice(start))?.[0].length ?? 0);
    textarea.setSelectionRange(caret, caret);
    const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight);
    if (Number.isFinite(lineHeight)) {
      textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 2);
    }
  }

  hasFocus(): boolean {
    return this.#textarea.ownerDocument.activeElement === this.#textarea;
  }

  dispose(): void {
    this.#textarea.removeEventListener('keydown', this.#onKeyDown);
    this.#textarea.removeEventListener('input', this.#onInput);
    this.#options.host.replaceChildren();
  }

  #keyDown(event: KeyboardEvent): void {
    const escaped = this.#escaped;
    this.#escaped = event.key === 'Escape';
    if (isRunShortcut(event)) {
      event.preventDefault();
      this.#options.onRun();
    } else if (isTabFocusToggle(event)) {
      event.preventDefault();
      this.#tabMovesFocus = !this.#tabMovesFocus;
      this.#announcer.textContent = this.#tabMovesFocus
        ? 'Tab now moves focus to the next element.'
        : 'Tab now inserts spaces.';
    } else if (isPlainTab(event) && !this.#tabMovesFocus && !escaped) {
      event.preventDefault();
      const { value, selectionStart, selectionEnd } = this.#textarea;
      this.#apply((event.shiftKey ? outdentEdit : indentEdit)(value, selectionStart, selectionEnd));
    } else if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const { value, selectionStart, selectionEnd } = this.#textarea;
      this.#apply(newlineEdit(value, selectionStart, selectionEnd));
    }
  }

  #apply(edit: TextEdit): void {
    const textarea = this.#textarea;
    textarea.setSelectionRange(edit.start, edit.end);
    // execCommand keeps the browser's undo history; where it is missing (jsdom), edit directly.
    if (!insertText(textarea.ownerDocument, edit.text)) {
      textarea.setRangeText(edit.text, edit.start, edit.end, 'end');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
  }
}

/** Creates the textarea editor. */
export const createTextareaEditor: CreateCodeEditor = (options) => new TextareaEditor(options);

function insertText(doc: Document, text: string): boolean {
  try {
    // Deprecated, but still the only way to edit a textarea so that Ctrl+Z undoes it.
    return typeof doc.execCommand === 'function' && doc.execCommand(text === '' ? 'delete' : 'insertText', false, text);
  } catch {
    return false;
  }
}

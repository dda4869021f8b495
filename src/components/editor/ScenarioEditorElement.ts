import { ensureParts, renderPlainCode, staticCodeText, type EditorParts } from './editor-parts.ts';
import { isRunShortcut } from './keys.ts';
import { createTextareaEditor } from './TextareaEditor.ts';
import type { CodeEditor, CreateCodeEditor, EditorMode, LoadCodeEditor, Problem } from './types.ts';

/** The detail of the element's `change` and `run` events. */
export interface ScenarioEditorEventDetail {
  value: string;
}

/** How long typing must pause before `change` fires. */
const CHANGE_DELAY_MS = 300;
/** Start loading the editor a little before it scrolls into view. */
const PRELOAD_MARGIN = '200px 0px';
/**
 * How long the page must stay quiet (no Run going) after the editor came into view before Monaco
 * loads without the reader asking. Loading it takes both cores of a small machine for a second or
 * two; at once after the first diagram it made the next Run wait (measured: Run again 80 → 471 ms)
 * and the Link graph tab slower. A reader who reaches for the code (pointer, focus, a key) gets it
 * at once.
 */
const IDLE_UPGRADE_MS = 4_000;

/**
 * `<scenario-editor label="…">`: a scenario's code, highlighted by the server, that becomes an
 * editor: Monaco when `ScenarioEditorElement.loadEditor` is set and the screen is wide, else a
 * plain textarea. The textarea comes as soon as the element nears the viewport. Monaco comes when
 * the reader reaches for the code (the pointer over it, focus, a key), or once the page has been
 * quiet for a few seconds with the code in view, so that it never competes with a Run.
 *
 * API: `value` (get/set; setting it fires no event), `setProblems(problems)`, `focus()`,
 * `revealLine(line)`, `upgrade()`, `mode`. Events: `change` (detail `{ value }`, 300 ms after the
 * reader stops typing, and at once before `run` or when the page is hidden), `edit` (at every
 * edit the reader makes, at once: time to load a compiler), `run` (detail `{ value }`, on
 * Ctrl/Cmd+Enter), `modechange` (detail `{ mode }`).
 */
export class ScenarioEditorElement extends HTMLElement {
  /** Loads the rich editor (Monaco); register.ts sets it. Unset, the element upgrades to the textarea. */
  static loadEditor: LoadCodeEditor | undefined;
  /** Screens that match this media query get the textarea, not Monaco. */
  static narrowQuery = '(max-width: 699.98px)';
  /** Awaited before the rich editor loads: a page puts what a Run needs first (see lesson/warm-up.ts). */
  static beforeUpgrade: (() => Promise<unknown>) | undefined;

  #parts: EditorParts | undefined;
  #value = '';
  #problems: readonly Problem[] = [];
  #pendingLine: number | undefined;
  #wantsFocus = false;
  #editor: CodeEditor | undefined;
  #mode: EditorMode = 'static';
  #upgrade: Promise<void> | undefined;
  #changeTimer: ReturnType<typeof setTimeout> | undefined;
  #observer: IntersectionObserver | undefined;
  readonly #flush = (): void => this.#flushChange();
  readonly #flushWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') this.#flushChange();
  };

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      // The mounted editors handle their own shortcuts; this covers the highlighted code.
      if ((this.#mode === 'static' || this.#mode === 'loading') && isRunShortcut(event)) {
        event.preventDefault();
        this.#run();
      }
    });
    // The reader reaching for the code: load the editor now (after the run path, see beforeUpgrade).
    for (const type of ['focusin', 'pointerenter', 'pointerdown'] as const) {
      this.addEventListener(type, () => void this.upgrade());
    }
    // Native `change` events of inner fields must not pass for ours (which carry `detail.value`).
    this.addEventListener('change', (event) => event.target !== this && event.stopPropagation(), { capture: true });
  }

  connectedCallback(): void {
    if (!this.#parts) {
      this.#parts = ensureParts(this);
      this.#value = staticCodeText(this, this.#parts);
    }
    window.addEventListener('pagehide', this.#flush);
    document.addEventListener('visibilitychange', this.#flushWhenHidden);
    if (this.#mode === 'static') this.#observe();
  }

  disconnectedCallback(): void {
    this.#flushChange();
    this.#observer?.disconnect();
    window.removeEventListener('pagehide', this.#flush);
    document.removeEventListener('visibilitychange', this.#flushWhenHidden);
    // A move in the page reconnects at once; only a real removal frees the editor.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  /** The accessible name of the editor (the `label` attribute). */
  get label(): string {
    return this.getAttribute('label') ?? 'Scenario code';
  }

  /** The code, as the reader last left it. */
  get value(): string {
    return this.#editor?.getValue() ?? this.#value;
  }

  /** Replaces the code (an undoable edit in Monaco); fires no `change`. */
  set value(value: string) {
    this.#cancelChange();
    this.#value = value;
    if (this.#editor) this.#editor.setValue(value);
    else if (this.#parts) renderPlainCode(this.#parts, value);
  }

  /** What shows the code now: highlighted text, loading, Monaco or the textarea. */
  get mode(): EditorMode {
    return this.#mode;
  }

  /** Shows problems as editor markers (Monaco) or as a list under the textarea; replaces earlier ones. */
  setProblems(problems: readonly Problem[]): void {
    this.#problems = [...problems];
    this.#editor?.setProblems(this.#problems);
  }

  /** Moves keyboard focus into the editor (upgrading it first if need be). */
  override focus(options?: FocusOptions): void {
    if (this.#editor) {
      this.#editor.focus();
      return;
    }
    this.#wantsFocus = true;
    this.#parts?.code.focus(options);
    void this.upgrade();
  }

  /** Scrolls a 1-based line into view and puts the cursor there. */
  revealLine(line: number): void {
    if (this.#editor) {
      this.#editor.revealLine(line);
      return;
    }
    this.#pendingLine = line;
    this.#parts?.code.querySelectorAll('.line')[line - 1]?.scrollIntoView({ block: 'nearest' });
  }

  /** Replaces the highlighted code with an editor now; resolves when it is in place. */
  upgrade(): Promise<void> {
    this.#upgrade ??= this.#performUpgrade();
    return this.#upgrade;
  }

  async #performUpgrade(): Promise<void> {
    this.#observer?.disconnect();
    const load = ScenarioEditorElement.loadEditor;
    if (!load || isNarrow()) {
      await this.#mount(createTextareaEditor, 'textarea');
      return;
    }
    // The page's scripts (which set beforeUpgrade) have all run once the page has loaded
    // ("interactive" comes before its module scripts run).
    if (document.readyState !== 'complete') {
      await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
    }
    await ScenarioEditorElement.beforeUpgrade?.().catch(() => undefined);
    this.#setMode('loading');
    try {
      await this.#mount(await load(), 'monaco');
    } catch (error) {
      console.warn('scenario-editor: the code editor failed to load; using a plain textarea.', error);
      await this.#mount(createTextareaEditor, 'textarea');
    }
  }

  async #mount(create: CreateCodeEditor, mode: 'monaco' | 'textarea'): Promise<void> {
    const parts = this.#parts;
    if (!parts || !this.isConnected) {
      // Removed while Monaco loaded: start over when it is back in the page.
      this.#upgrade = undefined;
      this.#setMode('static');
      return;
    }
    const hadFocus = this.#wantsFocus || this.contains(document.activeElement);
    const previous = [...parts.surface.childNodes];
    const host = document.createElement('div');
    host.className = `scenario-editor__host scenario-editor__host--${mode}`;
    parts.surface.replaceChildren(host);
    let created: CodeEditor | undefined;
    try {
      created = await create({
        host,
        value: this.#value,
        label: this.label,
        describedBy: parts.hint.id,
        onChange: () => this.#scheduleChange(),
        onRun: () => this.#run(),
        onFail: (error) => {
          if (created) void this.#fallBack(created, error);
        },
      });
    } catch (error) {
      parts.surface.replaceChildren(...previous);
      throw error;
    }
    const editor = created;
    this.#editor = editor;
    // The reader (or the page) may have set the value while the editor was being created.
    if (editor.getValue() !== this.#value) editor.setValue(this.#value);
    editor.setProblems(this.#problems);
    if (this.#pendingLine !== undefined) editor.revealLine(this.#pendingLine);
    this.#pendingLine = undefined;
    this.#wantsFocus = false;
    this.#setMode(mode);
    if (hadFocus) editor.focus();
  }

  async #fallBack(failed: CodeEditor, error: unknown): Promise<void> {
    if (this.#editor !== failed) return;
    console.warn('scenario-editor: the code editor broke; using a plain textarea.', error);
    this.#value = failed.getValue();
    this.#wantsFocus = failed.hasFocus();
    failed.dispose();
    this.#editor = undefined;
    await this.#mount(createTextareaEditor, 'textarea');
  }

  #unmount(): void {
    if (!this.#editor || !this.#parts) return;
    this.#value = this.#editor.getValue();
    this.#editor.dispose();
    this.#editor = undefined;
    this.#upgrade = undefined;
    renderPlainCode(this.#parts, this.#value);
    this.#setMode('static');
  }

  #observe(): void {
    if (typeof IntersectionObserver !== 'function') {
      void this.upgrade();
      return;
    }
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#observer?.disconnect();
        // The textarea costs nothing; Monaco waits for a quiet page unless the reader asks first.
        void (isNarrow() || !ScenarioEditorElement.loadEditor ? this.upgrade() : this.#upgradeWhenQuiet());
      },
      { rootMargin: PRELOAD_MARGIN },
    );
    this.#observer.observe(this);
  }

  /** Upgrades once the run path has loaded and no Run has gone for IDLE_UPGRADE_MS, in an idle moment. */
  async #upgradeWhenQuiet(): Promise<void> {
    for (;;) {
      await ScenarioEditorElement.beforeUpgrade?.().catch(() => undefined);
      if (this.#upgrade) return;
      await new Promise((resolve) => setTimeout(resolve, IDLE_UPGRADE_MS));
      if (this.#upgrade || !this.isConnected) return;
      // A Run pressed meanwhile holds beforeUpgrade again: wait for it and its quiet time too.
      const quiet = await Promise.race([
        (ScenarioEditorElement.beforeUpgrade?.() ?? Promise.resolve()).then(
          () => true,
          () => true,
        ),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 0)),
      ]);
      if (!quiet) continue;
      await new Promise((resolve) =>
        typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve, { timeout: 2_000 }) : resolve(0),
      );
      void this.upgrade();
      return;
    }
  }

  #setMode(mode: EditorMode): void {
    this.#mode = mode;
    this.dataset['mode'] = mode;
    if (this.#parts) this.#parts.status.textContent = mode === 'loading' ? 'Loading the editor…' : '';
    this.dispatchEvent(new CustomEvent('modechange', { detail: { mode } }));
  }

  #scheduleChange(): void {
    this.dispatchEvent(new CustomEvent('edit', { bubbles: true }));
    clearTimeout(this.#changeTimer);
    this.#changeTimer = setTimeout(() => this.#flushChange(), CHANGE_DELAY_MS);
  }

  #cancelChange(): void {
    clearTimeout(this.#changeTimer);
    this.#changeTimer = undefined;
  }

  #flushChange(): void {
    if (this.#changeTimer === undefined) return;
    this.#cancelChange();
    this.#emit('change');
  }

  #run(): void {
    this.#flushChange();
    this.#emit('run');
  }

  #emit(type: 'change' | 'run'): void {
    const detail: ScenarioEditorEventDetail = { value: this.value };
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }
}

function isNarrow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(ScenarioEditorElement.narrowQuery).matches;
}

declare global {
  interface HTMLElementTagNameMap {
    'scenario-editor': ScenarioEditorElement;
  }
}

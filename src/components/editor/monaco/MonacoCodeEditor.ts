import type * as Monaco from 'monaco-editor/editor';
import type { CodeEditor, CodeEditorOptions, Problem } from '../types.ts';
import { defineThemes, pageTheme, watchPageTheme } from './theme.ts';

/** Monaco's editor API, as the adapter receives it. */
export type MonacoApi = typeof Monaco;

/** The owner of the markers `setProblems` sets, apart from the TypeScript service's own. */
const MARKER_OWNER = 'spanlab';

let modelCount = 0;

/** A scenario in Monaco, behind the element's small `CodeEditor` interface. */
export class MonacoCodeEditor implements CodeEditor {
  readonly #monaco: MonacoApi;
  readonly #editor: Monaco.editor.IStandaloneCodeEditor;
  readonly #model: Monaco.editor.ITextModel;
  readonly #host: HTMLElement;
  readonly #cleanups: Array<() => void>;
  #settingValue = false;

  /** `cleanups` run when the editor is disposed (listeners the creator registered for it). */
  constructor(monaco: MonacoApi, options: CodeEditorOptions, cleanups: Array<() => void> = []) {
    this.#monaco = monaco;
    this.#host = options.host;
    // Each editor its own module file, so two scenarios on one page do not clash.
    const uri = monaco.Uri.parse(`file:///scenario-${++modelCount}.ts`);
    this.#model = monaco.editor.createModel(options.value, 'typescript', uri);
    defineThemes(monaco.editor);
    this.#editor = monaco.editor.create(options.host, {
      model: this.#model,
      ariaLabel: options.label,
      theme: pageTheme(),
      automaticLayout: true,
      fixedOverflowWidgets: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      scrollbar: { alwaysConsumeMouseWheel: false },
      fontSize: 14,
      tabSize: 2,
      insertSpaces: true,
      lineNumbersMinChars: 3,
      // The default ('dimmed') greys the number of the empty last line below WCAG contrast in the dark theme.
      renderFinalNewline: 'on',
      padding: { top: 8, bottom: 8 },
      renderLineHighlightOnlyWhenFocus: true,
      // A lesson's column shows about 75 characters, and scenarios run to 120: long lines wrap,
      // indented under their start, rather than hiding their end behind a sideways scroll.
      wordWrap: 'on',
      wrappingIndent: 'indent',
    });
    this.#editor.addAction({
      id: 'spanlab.run',
      label: 'Run the scenario',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => options.onRun(),
    });
    this.#model.onDidChangeContent(() => {
      if (!this.#settingValue) options.onChange();
    });
    this.#editor.onDidContentSizeChange(() => this.#fitHeight());
    this.#fitHeight();
    this.#cleanups = [...cleanups, watchPageTheme((theme) => monaco.editor.setTheme(theme))];
    const input = options.host.querySelector('textarea, .native-edit-context');
    input?.setAttribute('aria-describedby', options.describedBy);
  }

  getValue(): string {
    return this.#model.getValue();
  }

  setValue(value: string): void {
    if (value === this.#model.getValue()) return;
    this.#settingValue = true;
    try {
      // An edit, not model.setValue: the reader can undo a Reset with Ctrl+Z.
      this.#model.pushStackElement();
      this.#model.pushEditOperations([], [{ range: this.#model.getFullModelRange(), text: value }], () => null);
      this.#model.pushStackElement();
    } finally {
      this.#settingValue = false;
    }
  }

  setProblems(problems: readonly Problem[]): void {
    const markers = problems.map((problem) => this.#marker(problem));
    this.#monaco.editor.setModelMarkers(this.#model, MARKER_OWNER, markers);
  }

  focus(): void {
    this.#editor.focus();
  }

  revealLine(line: number): void {
    const lineNumber = Math.min(Math.max(1, line), this.#model.getLineCount());
    const column = this.#model.getLineFirstNonWhitespaceColumn(lineNumber) || 1;
    this.#editor.setPosition({ lineNumber, column });
    this.#editor.revealLineInCenterIfOutsideViewport(lineNumber);
  }

  hasFocus(): boolean {
    return this.#editor.hasWidgetFocus();
  }

  dispose(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#editor.dispose();
    this.#model.dispose();
    this.#host.replaceChildren();
  }

  /** Grows the editor with its content; CSS clamps the height (see ScenarioEditor.astro). */
  #fitHeight(): void {
    this.#host.style.setProperty('--content-height', `${this.#editor.getContentHeight()}px`);
  }

  #marker(problem: Problem): Monaco.editor.IMarkerData {
    const model = this.#model;
    const line = Math.min(Math.max(1, problem.line), model.getLineCount());
    const lineEnd = model.getLineMaxColumn(line);
    const column = Math.min(Math.max(1, problem.column), lineEnd);
    const word = model.getWordAtPosition({ lineNumber: line, column });
    let start = word?.startColumn ?? column;
    let end = word?.endColumn ?? lineEnd;
    if (start >= end) {
      // A position past the text (a missing `}`): mark the whole line instead of nothing.
      start = model.getLineFirstNonWhitespaceColumn(line) || 1;
      end = lineEnd;
    }
    const { MarkerSeverity } = this.#monaco;
    const severity = { error: MarkerSeverity.Error, warning: MarkerSeverity.Warning, info: MarkerSeverity.Info }[
      problem.severity
    ];
    return {
      severity,
      message: problem.message,
      startLineNumber: line,
      startColumn: start,
      endLineNumber: line,
      endColumn: end,
    };
  }
}

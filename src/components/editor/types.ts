/** A problem to show in the editor: a compile error, a thrown error, a lint verdict. */
export interface Problem {
  /** 1-based line in the scenario. */
  line: number;
  /** 1-based column in that line. */
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** How the element shows its code right now. */
export type EditorMode = 'static' | 'loading' | 'monaco' | 'textarea';

/** What the element asks of a code editor it mounts: Monaco, the textarea, or a test double. */
export interface CodeEditor {
  /** The text in the editor. */
  getValue(): string;
  /** Replaces the text, as an undoable edit; must not call `onChange`. */
  setValue(value: string): void;
  /** Shows these problems (replacing the previous ones). */
  setProblems(problems: readonly Problem[]): void;
  /** Moves keyboard focus into the editor. */
  focus(): void;
  /** Scrolls a 1-based line into view and puts the cursor at its start. */
  revealLine(line: number): void;
  /** Whether keyboard focus is inside the editor. */
  hasFocus(): boolean;
  /** Removes the editor from the page and frees what it holds. */
  dispose(): void;
}

/** What the element gives an editor it creates. */
export interface CodeEditorOptions {
  /** An empty element to render into; the editor fills its width. */
  host: HTMLElement;
  /** The initial text. */
  value: string;
  /** The accessible name of the editing surface. */
  label: string;
  /** The id of the element that describes the keyboard shortcuts. */
  describedBy: string;
  /** Called after every edit the reader makes (not after `setValue`). */
  onChange: () => void;
  /** Called on Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Called when the editor broke after it was created (a worker that failed to load). */
  onFail: (error: unknown) => void;
}

/** Creates a code editor inside `options.host`. */
export type CreateCodeEditor = (options: CodeEditorOptions) => CodeEditor | Promise<CodeEditor>;

/** Loads the rich editor's code on demand and resolves with its factory. */
export type LoadCodeEditor = () => Promise<CreateCodeEditor>;

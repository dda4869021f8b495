// Vite's `?worker` imports of Monaco's workers (vite/client declares these, but Astro leaves it out).

declare module 'monaco-editor/editor/editor.worker?worker' {
  /** Starts Monaco's editor worker, bundled by Vite. */
  const EditorWorker: new (options?: { name?: string }) => Worker;
  export default EditorWorker;
}

declare module 'monaco-editor/languages/features/typescript/ts.worker?worker' {
  /** Starts Monaco's TypeScript worker, bundled by Vite. */
  const TypeScriptWorker: new (options?: { name?: string }) => Worker;
  export default TypeScriptWorker;
}

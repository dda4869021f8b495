/**
 * The entry of the lazily loaded Monaco chunk: register.ts imports it dynamically when an editor
 * is reached, never before.
 */
import type { CreateCodeEditor } from '../types.ts';
import { installMonacoEnvironment, onWorkerFailure } from './monaco-environment.ts';
import { monaco, typescriptDefaults } from './monaco-parts.ts';
import { MonacoCodeEditor } from './MonacoCodeEditor.ts';
import { configureTypeScript } from './typescript-setup.ts';

/** Creates a Monaco editor for a scenario, with TypeScript IntelliSense for its imports. */
export const createMonacoEditor: CreateCodeEditor = (options) => {
  installMonacoEnvironment();
  configureTypeScript(typescriptDefaults);
  return new MonacoCodeEditor(monaco, options, [onWorkerFailure(options.onFail)]);
};

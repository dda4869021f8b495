/**
 * Defines `<scenario-editor>` with Monaco as its rich editor. This is all a page ships up front;
 * Monaco itself is a dynamic import that runs only when an editor is reached.
 */
import { ScenarioEditorElement } from './ScenarioEditorElement.ts';

ScenarioEditorElement.loadEditor = async () => (await import('./monaco/create-monaco-editor.ts')).createMonacoEditor;

if (!customElements.get('scenario-editor')) customElements.define('scenario-editor', ScenarioEditorElement);

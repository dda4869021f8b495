/**
 * The parts of Monaco a TypeScript editor needs: the editor API, its features, and the TypeScript
 * language (tokens and language service) — not the full `monaco-editor` entry, which also
 * registers some 80 other languages and the CSS, HTML and JSON services.
 *
 * Every feature, not a hand-picked few: the TypeScript service's worker client imports
 * monaco-editor/internal/common/workers.js, which imports every feature, and a feature that
 * first arrives with it — after an editor exists — registers its services too late for the next
 * editor ("depends on UNKNOWN service ICodeLensCache"). Importing it here, before any editor is
 * created, costs no extra byte and keeps every editor on the page whole.
 */
import 'monaco-editor/internal/common/workers.js';
// The find widget's keyboard fix (hidden inputs leave the Tab order), which workers.js lacks.
import 'monaco-editor/features/find/register';
import 'monaco-editor/languages/definitions/typescript/register';
import * as monaco from 'monaco-editor/editor';

/** Monaco's editor API, with the parts above registered. */
export { monaco };
/** The TypeScript language service's settings for `typescript` models. */
export { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';

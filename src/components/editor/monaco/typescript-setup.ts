import type { CompilerOptions, LanguageServiceDefaults } from 'monaco-editor/languages/features/typescript/register';
import { scenarioCompilerOptions } from './scenario-compiler-options.ts';
import { scenarioLibraries } from './typescript-libraries.ts';

let configured = false;

/**
 * Sets up Monaco's TypeScript service for scenarios, once per page: strict ES2022 modules, and
 * the declarations of `@opentelemetry/api` and `@spanlab/world` as extra libraries.
 */
export function configureTypeScript(defaults: LanguageServiceDefaults): void {
  if (configured) return;
  configured = true;
  // Monaco types `moduleResolution` with its own enum, which lacks Bundler (100); the worker
  // hands the options to TypeScript as they are.
  const options: Record<string, unknown> = { ...scenarioCompilerOptions };
  defaults.setCompilerOptions(options as CompilerOptions);
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  defaults.setExtraLibs(scenarioLibraries());
  // Diagnostics for every open model, not only the one being looked at.
  defaults.setEagerModelSync(true);
}

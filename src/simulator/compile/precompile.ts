/** Compiles a scenario ahead of time (at build time), through the same pipeline as a Run. */
import { sourceKey, type PrecompiledScenario } from './source-key.ts';
import { compileScenario } from './transpile.ts';

/**
 * The scenario compiled as `fileName` with its source key, or undefined when it does not compile
 * (then the page compiles it on Run, and reports the errors at their line, as for an edit).
 */
export function precompileScenario(source: string, fileName: string): PrecompiledScenario | undefined {
  const outcome = compileScenario(source, fileName);
  return outcome.ok ? { key: sourceKey(source, fileName), scenario: outcome.scenario } : undefined;
}

/**
 * Compiled scenarios the page already has, by source key: what the build compiled for the page
 * (the shipped scenarios, exercise starts and solutions) and what the compiler worker compiled
 * since. A Run of code found here needs no compiler; an edit undone back to the original is found
 * too, since the key is a hash of the text.
 */
import { sourceKey, type CompiledScenario, type PrecompiledScenario } from '@spanlab/engine';

const compiled = new Map<string, CompiledScenario>();

/** Keeps the build's output for a page's scenario (ignores `undefined`: a scenario that did not compile). */
export function rememberPrecompiled(entry: PrecompiledScenario | undefined): void {
  if (entry) compiled.set(entry.key, entry.scenario);
}

/** Keeps what the compiler worker made of `source`, so the same text is not compiled twice. */
export function rememberCompiled(source: string, fileName: string, scenario: CompiledScenario): void {
  compiled.set(sourceKey(source, fileName), scenario);
}

/** The compiled scenario for `source` as `fileName`, if the page has it. */
export function compiledFor(source: string, fileName: string): CompiledScenario | undefined {
  const found = compiled.get(sourceKey(source, fileName));
  return found?.fileName === fileName ? found : undefined;
}

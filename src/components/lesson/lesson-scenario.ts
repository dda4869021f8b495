/** A scenario as a lesson embeds it, read at build time; an unknown id fails the build. */
import { getCollection } from 'astro:content';
import { playgroundScenarios } from '../playground/scenario-list.ts';
import type { PlaygroundScenario } from '../playground/PlaygroundApp.ts';

/** The scenario `id` (title, summary, code); throws naming the id and the known ones if there is none. */
export async function lessonScenario(id: string): Promise<PlaygroundScenario> {
  const scenarios = await playgroundScenarios();
  const found = scenarios.find((scenario) => scenario.id === id);
  if (!found) {
    const known = scenarios.map((scenario) => scenario.id).join(', ');
    throw new Error(`<Scenario id="${id}">: no scenario "${id}" in src/content/scenarios/; the known ones: ${known}`);
  }
  return found;
}

let count = 0;

/** An id unique in the build, for a page that shows one scenario twice. */
export function uniqueId(prefix: string): string {
  count += 1;
  return `${prefix}-${count}`;
}

/**
 * The paths of the pages that exist and explain rules (`/lessons/<slug>/`, `/reference/<page>/`), so
 * findings link only to written ones.
 */
export async function writtenLessons(): Promise<string[]> {
  return (await getCollection('docs'))
    .filter((entry) => entry.id.startsWith('lessons/') || entry.id.startsWith('reference/'))
    .map((entry) => `/${entry.id}/`);
}

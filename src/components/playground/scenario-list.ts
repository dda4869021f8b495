/** The scenarios the playground offers, from the content collection and the `.ts` files beside it. */
import { getCollection } from 'astro:content';
import type { PlaygroundScenario } from './PlaygroundApp.ts';

const sources = import.meta.glob<string>(['../../content/scenarios/*.ts', '!../../content/scenarios/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The picker's groups, in their order. */
const GROUPS = ['Good practice', 'Anti-patterns', 'Lint rule examples'] as const;

/**
 * Every scenario with its code, in the picker's groups (good ones first, then anti-patterns, then
 * the lint rule reference's examples), each group in the collection's order.
 */
export async function playgroundScenarios(): Promise<PlaygroundScenario[]> {
  const metas = await getCollection('scenarios');
  return metas
    .map((entry) => {
      const code = sources[`../../content/scenarios/${entry.id}.ts`];
      if (code === undefined) throw new Error(`src/content/scenarios/${entry.id}.yaml has no ${entry.id}.ts beside it`);
      const group =
        entry.data.reference !== undefined ? GROUPS[2] : entry.data.practice === 'good' ? GROUPS[0] : GROUPS[1];
      return {
        id: entry.id,
        title: entry.data.title,
        summary: entry.data.summary,
        code,
        group,
        ...(entry.data.context === undefined ? {} : { context: entry.data.context }),
        ...(entry.data.sampler === undefined ? {} : { sampler: entry.data.sampler }),
      };
    })
    .sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group));
}

/** The scenarios as the picker groups them: each group's label and its scenarios, in order. */
export function pickerGroups(
  scenarios: readonly PlaygroundScenario[],
): { label: string; scenarios: PlaygroundScenario[] }[] {
  const groups = new Map<string, PlaygroundScenario[]>();
  for (const scenario of scenarios) {
    const label = scenario.group ?? '';
    groups.set(label, [...(groups.get(label) ?? []), scenario]);
  }
  return [...groups].map(([label, members]) => ({ label, scenarios: members }));
}

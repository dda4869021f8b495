/** The scenarios the playground offers, from the content collection and the `.ts` files beside it. */
import { getCollection } from 'astro:content';
import type { PlaygroundScenario } from './PlaygroundApp.ts';

const sources = import.meta.glob<string>(['../../content/scenarios/*.ts', '!../../content/scenarios/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every scenario with its code, good ones first, in the order of the lessons they belong to. */
export async function playgroundScenarios(): Promise<PlaygroundScenario[]> {
  const metas = await getCollection('scenarios');
  return metas
    .map((entry) => {
      const code = sources[`../../content/scenarios/${entry.id}.ts`];
      if (code === undefined) throw new Error(`src/content/scenarios/${entry.id}.yaml has no ${entry.id}.ts beside it`);
      return {
        id: entry.id,
        title: entry.data.title,
        summary: entry.data.summary,
        code,
        practice: entry.data.practice,
        ...(entry.data.context === undefined ? {} : { context: entry.data.context }),
        ...(entry.data.sampler === undefined ? {} : { sampler: entry.data.sampler }),
      };
    })
    .sort((a, b) => (a.practice === b.practice ? 0 : a.practice === 'good' ? -1 : 1))
    .map(({ practice: _practice, ...scenario }) => scenario);
}

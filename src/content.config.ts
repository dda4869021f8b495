import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { exerciseSchema } from './course/exercise-schema.ts';
import { quizBankSchema } from './course/quiz-schema.ts';
import { scenarioMetaSchema } from './course/scenario-meta.ts';

/** Lessons and the home page: Markdown and MDX under `src/content/docs/`, with Starlight's frontmatter. */
const docs = defineCollection({ loader: docsLoader(), schema: docsSchema() });

/** Scenario metadata: `src/content/scenarios/<id>.yaml`, beside the scenario's `<id>.ts`. */
const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/scenarios' }),
  schema: scenarioMetaSchema,
});

/** Quiz banks: `src/content/quizzes/<bank>.yaml`; the file name is the bank's id. */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/quizzes' }),
  schema: quizBankSchema,
});

/** Exercises: `src/content/exercises/<id>/exercise.yaml`, beside `start.ts` and `solution.ts` (a `kind: sql` one: `start.sql` and `solution.sql`); the folder is the id. */
const exercises = defineCollection({
  loader: glob({
    pattern: '*/exercise.yaml',
    base: './src/content/exercises',
    generateId: ({ entry }) => entry.slice(0, entry.indexOf('/')),
  }),
  schema: exerciseSchema,
});

/** The site's content collections. */
export const collections = { docs, scenarios, quizzes, exercises };

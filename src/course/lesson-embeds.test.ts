import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LESSON_SLUGS } from './lessons.ts';

const CONTENT = new URL('../content/', import.meta.url);
const lesson = (slug: string): string => readFileSync(new URL(`docs/lessons/${slug}.mdx`, CONTENT), 'utf8');
const embeds = (text: string, component: string, prop: string): string[] =>
  [...text.matchAll(new RegExp(`<${component}\\s+${prop}="([^"]+)"`, 'g'))].map((m) => m[1]!);

interface Meta {
  lesson?: string;
  reference?: string;
  contrast?: string;
}
const scenarios = readdirSync(new URL('scenarios/', CONTENT))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.slice(0, -5), meta: parse(readFileSync(new URL(`scenarios/${f}`, CONTENT), 'utf8')) as Meta }));

describe('the lessons', () => {
  it('exist, one per slug, ordered 1 to n in the sidebar', () => {
    const orders = LESSON_SLUGS.map((slug) => Number(/\n\s+order:\s*(\d+)/.exec(lesson(slug))?.[1]));
    expect(orders).toEqual(LESSON_SLUGS.map((_, i) => i + 1));
    expect(LESSON_SLUGS.length).toBeGreaterThanOrEqual(9);
  });

  it('each end with the quiz of their own bank', () => {
    for (const slug of LESSON_SLUGS) {
      const text = lesson(slug);
      expect(embeds(text, 'Quiz', 'bank'), slug).toEqual([slug]);
      expect(text.trimEnd().endsWith(`<Quiz bank="${slug}" />`), slug).toBe(true);
    }
  });

  it('embed every scenario in the lesson its metadata names, and an anti-pattern right after its good twin', () => {
    for (const { id, meta } of scenarios) {
      if (meta.lesson === undefined) continue; // a reference example: rule-reference-examples.test.ts
      const text = lesson(meta.lesson);
      // A SQL exercise embeds the scenario whose run its query reads.
      const sqlScenarios = embeds(text, 'Exercise', 'id').flatMap((exercise) => {
        const yaml = parse(readFileSync(new URL(`exercises/${exercise}/exercise.yaml`, CONTENT), 'utf8')) as {
          kind?: string;
          scenario?: string;
        };
        return yaml.kind === 'sql' && yaml.scenario !== undefined ? [yaml.scenario] : [];
      });
      expect([...embeds(text, 'Scenario', 'id'), ...sqlScenarios], `${id} in ${meta.lesson}`).toContain(id);
      if (meta.contrast !== undefined) {
        const ids = embeds(text, 'Scenario', 'id');
        expect(Math.abs(ids.indexOf(id) - ids.indexOf(meta.contrast)), `${id} beside ${meta.contrast}`).toBe(1);
      }
    }
  });

  it('embed only scenarios and exercises that exist, each exercise in the lesson it belongs to', () => {
    for (const slug of LESSON_SLUGS) {
      const text = lesson(slug);
      for (const id of embeds(text, 'Scenario', 'id')) {
        expect(existsSync(new URL(`scenarios/${id}.ts`, CONTENT)), `${slug}: scenario ${id}`).toBe(true);
      }
      for (const id of embeds(text, 'Exercise', 'id')) {
        const file = new URL(`exercises/${id}/exercise.yaml`, CONTENT);
        expect(existsSync(file), `${slug}: exercise ${id}`).toBe(true);
        expect((parse(readFileSync(file, 'utf8')) as { lesson: string }).lesson, `exercise ${id}`).toBe(slug);
      }
    }
  });

  it('embed every exercise of src/content/exercises', () => {
    const all = readdirSync(new URL('exercises/', CONTENT), { withFileTypes: true }).filter((d) => d.isDirectory());
    const embedded = LESSON_SLUGS.flatMap((slug) => embeds(lesson(slug), 'Exercise', 'id'));
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const { name } of all) expect(embedded, name).toContain(name);
  });

  it('give the SQL panel to the batch consumer in visualization and analysis', () => {
    expect(lesson('visualization-and-analysis')).toMatch(/<Scenario id="batch-consumer" sql[ />]/);
  });
});

/**
 * The rule reference's examples, run on the real engine and linted: under each rule's section the
 * first `<Scenario>` must make that rule fire, the second (the fix) must lint clean.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintTrace, RULE_IDS } from '@spanlab/engine';
import { runScenarioFile } from '@spanlab/engine/testing';
import { parseScenarioMeta } from './scenario-meta.ts';

const page = readFileSync(new URL('../content/docs/reference/lint-rules.mdx', import.meta.url), 'utf8');
const SCENARIOS = new URL('../content/scenarios/', import.meta.url);

/** Each rule's section and the ids of the scenarios it embeds, in page order. */
const SECTIONS = page
  .split(/^## /m)
  .slice(1)
  .map((section) => ({
    rule: section.slice(0, section.indexOf('\n')).trim(),
    examples: [...section.matchAll(/<Scenario\s+id="([^"]+)"/g)].map((m) => m[1]!),
  }));

/** The run settings a scenario's metadata asks for, as a lesson's `<Scenario>` runs it. */
function settings(id: string): { context?: 'async' | 'stack' } {
  const parsed = parseScenarioMeta(parse(readFileSync(new URL(`${id}.yaml`, SCENARIOS), 'utf8')));
  if (!parsed.ok) throw new Error(`${id}.yaml: ${parsed.error}`);
  return parsed.meta.context === undefined ? {} : { context: parsed.meta.context };
}

async function rulesFired(id: string): Promise<string[]> {
  const result = await runScenarioFile(`${id}.ts`, settings(id));
  expect(result.errors, id).toEqual([]);
  return lintTrace(result.spans).map((finding) => finding.rule);
}

describe('the rule reference’s examples', () => {
  it('give every rule a firing and a fixed example', () => {
    expect(SECTIONS.map((s) => s.rule)).toEqual([...RULE_IDS]);
    for (const { rule, examples } of SECTIONS) expect(examples, rule).toHaveLength(2);
  });

  it.each(SECTIONS.map((s) => [s.rule, s.examples[0]!, s.examples[1]!] as const))(
    '%s: %s fires it, %s is clean',
    async (rule, firing, fixed) => {
      const [fired, clean] = await Promise.all([rulesFired(firing), rulesFired(fixed)]);
      expect(fired, firing).toContain(rule);
      expect(clean, fixed).toEqual([]);
    },
  );

  it('keep the examples written for the reference short (20 lines of code or fewer)', () => {
    for (const { examples } of SECTIONS) {
      for (const id of examples) {
        const meta = parse(readFileSync(new URL(`${id}.yaml`, SCENARIOS), 'utf8')) as { reference?: string };
        if (meta.reference === undefined) continue; // a lesson's scenario, shown here too
        const code = readFileSync(new URL(`${id}.ts`, SCENARIOS), 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.trim().startsWith('//') && !line.startsWith('import '));
        expect(code.length, id).toBeLessThanOrEqual(20);
      }
    }
  });
});

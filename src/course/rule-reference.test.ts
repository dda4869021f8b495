import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '@spanlab/engine';
import { RULE_REFERENCE_PATH, ruleDocsPath } from './rule-docs.ts';

const page = readFileSync(new URL('../content/docs/reference/lint-rules.mdx', import.meta.url), 'utf8');
const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());

describe('the lint rules reference', () => {
  it('has one section per rule, in the registry’s order, headed by the rule’s id (its anchor)', () => {
    expect(headings).toEqual([...RULE_IDS]);
  });

  it('is where every finding links', () => {
    expect(RULE_REFERENCE_PATH).toBe('/reference/lint-rules/');
    for (const rule of RULE_IDS) expect(ruleDocsPath(rule)).toBe(`${RULE_REFERENCE_PATH}#${rule}`);
  });

  it('says each rule’s severity first, as the rule does', async () => {
    const { LINT_RULES } = await import('@spanlab/engine');
    for (const rule of LINT_RULES) {
      const section = page.split(`\n## ${rule.id}\n`)[1]!.trimStart();
      const severity = rule.severity[0]!.toUpperCase() + rule.severity.slice(1);
      expect(section.startsWith(`**${severity}.**`), rule.id).toBe(true);
    }
  });
});

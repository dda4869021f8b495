/** The ids of the linter's rules, kebab-case; scenario metadata names the rule an anti-pattern teaches. */
export const RULE_IDS = [
  'batch-parented-to-producer',
  'batch-without-links',
  'too-many-links',
  'links-dropped',
  'link-without-attributes',
  'duplicate-link',
  'retry-nested',
  'compensation-under-failed-step',
  'span-not-ended',
  'link-added-after-start',
  'link-to-ancestor',
  'child-outlives-parent',
  'consumer-without-origin',
  'malformed-link',
] as const;

/** A lint rule's id. */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Every lint rule, in the order the linter runs them and the README lists them: the one place a
 * rule is registered. `RULE_IDS` and `RuleId` are derived from this list.
 */
import type { LintRule } from './rule.ts';
import { batchParentedToProducer } from './rules/batch-parented-to-producer.ts';
import { batchWithoutLinks } from './rules/batch-without-links.ts';
import { childOutlivesParent } from './rules/child-outlives-parent.ts';
import { compensationUnderFailedStep } from './rules/compensation-under-failed-step.ts';
import { consumerWithoutOrigin } from './rules/consumer-without-origin.ts';
import { duplicateLink } from './rules/duplicate-link.ts';
import { linkAddedAfterStart } from './rules/link-added-after-start.ts';
import { linkToAncestor } from './rules/link-to-ancestor.ts';
import { linkWithoutAttributes } from './rules/link-without-attributes.ts';
import { linksDropped } from './rules/links-dropped.ts';
import { malformedLink } from './rules/malformed-link.ts';
import { retryNested } from './rules/retry-nested.ts';
import { spanNotEnded } from './rules/span-not-ended.ts';
import { tooManyLinks } from './rules/too-many-links.ts';

const RULES = [
  batchParentedToProducer,
  batchWithoutLinks,
  tooManyLinks,
  linksDropped,
  linkWithoutAttributes,
  duplicateLink,
  retryNested,
  compensationUnderFailedStep,
  spanNotEnded,
  linkAddedAfterStart,
  linkToAncestor,
  childOutlivesParent,
  consumerWithoutOrigin,
  malformedLink,
] as const;

/** A lint rule's id. */
export type RuleId = (typeof RULES)[number]['id'];

/** The linter's rules. */
export const LINT_RULES: readonly LintRule[] = RULES;

/** The ids of the linter's rules, kebab-case; scenario metadata names the rule an anti-pattern teaches. */
export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);

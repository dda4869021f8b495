import { defineRule, type RuleHit } from '../rule.ts';
import { failed, followsSiblingSteps, isCompensation } from '../span-facts.ts';

/**
 * A compensation (undo, rollback) made the child of the step that failed, when it undoes the
 * steps before it: its parent failed and is one step of a sequence (an earlier sibling of the
 * same family, or one the compensation links to).
 */
export const compensationUnderFailedStep = defineRule({
  id: 'compensation-under-failed-step',
  severity: 'error',
  summary:
    'a compensation made the child of the failed step, when it belongs under the saga, linking to the steps it undoes',
  check(index) {
    const hits: RuleHit[] = [];
    for (const span of index.spans) {
      const parent = index.parent(span);
      if (!parent || !isCompensation(span) || isCompensation(parent) || !failed(parent)) continue;
      const siblings = new Set(index.siblings(parent));
      const undoesSiblings = span.links.some((link) => {
        const target = index.linkTarget(link);
        return target !== undefined && siblings.has(target);
      });
      if (!undoesSiblings && !followsSiblingSteps(index, parent)) continue;
      const coordinator = index.parent(parent);
      const instead = coordinator ? ` a child of ${index.label(coordinator)}` : ' a child of the saga';
      hits.push({
        message: `${index.distinctLabel(span)} is a child of the step that failed, ${index.label(parent, true)}, but undoes the steps before it: make it${instead} and link to each step it undoes`,
        spans: [span, parent],
      });
    }
    return hits;
  },
});

import { describe, expect, it } from 'vitest';
import {
  DECISION_LEAVES,
  DECISION_NODES,
  DECISION_ROOT,
  answersOf,
  isLeaf,
  positionAfter,
  trailText,
  walkDecision,
  type DecisionAnswer,
  type DecisionLeaf,
  type DecisionNodeId,
  type DecisionStep,
} from './decision-flowchart.ts';

const nodeIds = Object.keys(DECISION_NODES) as DecisionNodeId[];

/** Every walk from the root to a leaf, found by following each answer each question offers. */
function allWalks(): Array<{ steps: DecisionStep[]; leaf: DecisionLeaf }> {
  const walks: Array<{ steps: DecisionStep[]; leaf: DecisionLeaf }> = [];
  const visit = (node: DecisionNodeId, steps: DecisionStep[]): void => {
    // A walk longer than the number of questions would have to repeat one: the chart would loop.
    if (steps.length > nodeIds.length) throw new Error(`the chart loops: ${JSON.stringify(steps)}`);
    for (const [answer, next] of Object.entries(DECISION_NODES[node].next) as Array<
      [DecisionAnswer, DecisionNodeId | DecisionLeaf]
    >) {
      const walked = [...steps, { node, answer }];
      if (isLeaf(next)) walks.push({ steps: walked, leaf: next });
      else visit(next, walked);
    }
  };
  visit(DECISION_ROOT, []);
  return walks;
}

describe('the decision flowchart', () => {
  it("asks the course's question first: did A cause B to start, then is A the only cause, then should B stay in A's trace", () => {
    expect(DECISION_ROOT).toBe('started');
    expect(DECISION_NODES.started.next).toEqual({ yes: 'only', no: 'none' });
    expect(DECISION_NODES.only.next).toEqual({ yes: 'stay', no: 'links' });
    expect(DECISION_NODES.stay.next).toEqual({ yes: 'parent-child', no: 'new-trace' });
  });

  it('walks to a parent only when A alone started B and nothing separates them', () => {
    expect(
      walkDecision([
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'yes' },
        { node: 'stay', answer: 'yes' },
      ]),
    ).toEqual({ ok: true, leaf: 'parent-child' });
  });

  it('walks to a new trace that links to A across a trust boundary, a long delay or a sampling decision of its own', () => {
    expect(
      walkDecision([
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'yes' },
        { node: 'stay', answer: 'no' },
      ]),
    ).toEqual({ ok: true, leaf: 'new-trace' });
  });

  it('walks "message 1 started the batch" to links to each cause, never to a parent', () => {
    expect(
      walkDecision([
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'no' },
      ]),
    ).toEqual({ ok: true, leaf: 'links' });
  });

  it('reaches a link only through a cause: what merely coincides leads to no relationship', () => {
    expect(walkDecision([{ node: 'started', answer: 'no' }])).toEqual({ ok: true, leaf: 'none' });
    const toLinks = allWalks().filter((walk) => walk.leaf === 'links' || walk.leaf === 'new-trace');
    for (const { steps } of toLinks) expect(steps[0]).toEqual({ node: 'started', answer: 'yes' });
  });

  it('says which step of a bad walk does not fit', () => {
    const wrong = (steps: DecisionStep[]): string => {
      const walk = walkDecision(steps);
      if (walk.ok) throw new Error(`expected an error, reached ${walk.leaf}`);
      return walk.error;
    };
    expect(wrong([{ node: 'only', answer: 'yes' }])).toBe('step 1: expected question "started", got "only"');
    expect(
      wrong([
        { node: 'started', answer: 'yes' },
        { node: 'stay', answer: 'yes' },
      ]),
    ).toBe('step 2: expected question "only", got "stay"');
    expect(
      wrong([
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'maybe' as DecisionAnswer },
      ]),
    ).toBe('step 2: "only" has no answer "maybe"');
    expect(
      wrong([
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'toString' as DecisionAnswer },
      ]),
    ).toBe('step 2: "only" has no answer "toString"');
    expect(wrong([{ node: 'started', answer: 'yes' }])).toBe('the walk stops at question "only", before an answer');
    expect(wrong([])).toBe('the walk stops at question "started", before an answer');
    expect(
      wrong([
        { node: 'started', answer: 'no' },
        { node: 'only', answer: 'yes' },
      ]),
    ).toBe('step 2: the walk already reached "none"');
  });

  it('reaches every question from the first one', () => {
    const reached = new Set(allWalks().flatMap((walk) => walk.steps.map((step) => step.node)));
    expect([...reached].sort()).toEqual([...nodeIds].sort());
  });

  it('ends every answer of every question in a leaf, and every leaf is reached', () => {
    const walks = allWalks();
    for (const { steps, leaf } of walks) expect(walkDecision(steps)).toEqual({ ok: true, leaf });
    // Each answer a question offers is taken by some walk: none leads nowhere.
    for (const id of nodeIds) {
      for (const answer of Object.keys(DECISION_NODES[id].next)) {
        expect(
          walks.some((walk) => walk.steps.some((step) => step.node === id && step.answer === answer)),
          `${id}/${answer}`,
        ).toBe(true);
      }
    }
    expect([...new Set(walks.map((walk) => walk.leaf))].sort()).toEqual(Object.keys(DECISION_LEAVES).sort());
  });

  it('knows its leaves from its questions, and names each node by its own id', () => {
    for (const leaf of Object.keys(DECISION_LEAVES)) expect(isLeaf(leaf as DecisionLeaf)).toBe(true);
    for (const id of nodeIds) {
      expect(isLeaf(id)).toBe(false);
      expect(DECISION_NODES[id].id).toBe(id);
      expect(DECISION_NODES[id].question).toMatch(/\?$/);
    }
  });
});

describe('walking the decision flowchart', () => {
  it('offers each question its own answers, with their labels', () => {
    expect(answersOf('started')).toEqual([
      { answer: 'yes', label: 'Yes: B started because of A' },
      { answer: 'no', label: 'No: they only coincide or share data' },
    ]);
    expect(answersOf('only').map((a) => a.label)).toEqual(['Yes: A alone', 'No: one of many']);
  });

  it('knows where a walk stands: the next question, a leaf, or off the chart', () => {
    expect(positionAfter([])).toBe('started');
    expect(positionAfter([{ node: 'started', answer: 'yes' }])).toBe('only');
    expect(
      positionAfter([
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'no' },
      ]),
    ).toBe('links');
    expect(positionAfter([{ node: 'only', answer: 'yes' }])).toBeNull(); // out of turn
    expect(
      positionAfter([
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'maybe' as DecisionAnswer },
      ]),
    ).toBeNull();
  });

  it('says a walk in words, ending in its leaf', () => {
    const steps = [
      { node: 'started', answer: 'yes' },
      { node: 'only', answer: 'yes' },
      { node: 'stay', answer: 'no' },
    ] as const;
    expect(trailText(steps)).toBe(
      "Did A cause B to start? Yes → Is A its only cause? Yes → Should B stay in A's trace? No → Start B in a new trace that links to A",
    );
    expect(trailText(steps.slice(0, 1))).toBe('Did A cause B to start? Yes');
    expect(walkDecision(steps)).toEqual({ ok: true, leaf: 'new-trace' });
  });
});

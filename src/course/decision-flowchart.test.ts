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
  it('walks to a parent, through the direct cause that started the operation', () => {
    expect(
      walkDecision([
        { node: 'causal', answer: 'yes' },
        { node: 'started', answer: 'yes' },
      ]),
    ).toEqual({ ok: true, leaf: 'parent-child' });
    expect(
      walkDecision([
        { node: 'causal', answer: 'maybe' },
        { node: 'missing', answer: 'no' },
      ]),
    ).toEqual({ ok: true, leaf: 'parent-child' });
  });

  it('walks to a link: a batch, related work picked up later, or a span that stands on its own', () => {
    expect(
      walkDecision([
        { node: 'causal', answer: 'no' },
        { node: 'batch', answer: 'yes' },
      ]),
    ).toEqual({ ok: true, leaf: 'link' });
    expect(
      walkDecision([
        { node: 'causal', answer: 'yes' },
        { node: 'started', answer: 'no' },
        { node: 'time', answer: 'yes' },
      ]),
    ).toEqual({ ok: true, leaf: 'link' });
    expect(
      walkDecision([
        { node: 'causal', answer: 'maybe' },
        { node: 'missing', answer: 'yes' },
      ]),
    ).toEqual({ ok: true, leaf: 'link' });
  });

  it('walks to no relationship where the seed chart stopped: "related in time? no" and "processed together? no"', () => {
    expect(
      walkDecision([
        { node: 'causal', answer: 'yes' },
        { node: 'started', answer: 'no' },
        { node: 'time', answer: 'no' },
      ]),
    ).toEqual({ ok: true, leaf: 'none' });
    expect(
      walkDecision([
        { node: 'causal', answer: 'no' },
        { node: 'batch', answer: 'no' },
      ]),
    ).toEqual({ ok: true, leaf: 'none' });
  });

  it('says which step of a bad walk does not fit', () => {
    const wrong = (steps: DecisionStep[]): string => {
      const walk = walkDecision(steps);
      if (walk.ok) throw new Error(`expected an error, reached ${walk.leaf}`);
      return walk.error;
    };
    expect(wrong([{ node: 'started', answer: 'yes' }])).toBe('step 1: expected question "causal", got "started"');
    expect(
      wrong([
        { node: 'causal', answer: 'yes' },
        { node: 'batch', answer: 'yes' },
      ]),
    ).toBe('step 2: expected question "started", got "batch"');
    expect(
      wrong([
        { node: 'causal', answer: 'yes' },
        { node: 'started', answer: 'maybe' },
      ]),
    ).toBe('step 2: "started" has no answer "maybe"');
    expect(wrong([{ node: 'causal', answer: 'no' }])).toBe('the walk stops at question "batch", before an answer');
    expect(wrong([])).toBe('the walk stops at question "causal", before an answer');
    expect(
      wrong([
        { node: 'causal', answer: 'no' },
        { node: 'batch', answer: 'yes' },
        { node: 'time', answer: 'yes' },
      ]),
    ).toBe('step 3: the walk already reached "link"');
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
    expect(answersOf('causal').map((a) => a.label)).toEqual(['Yes', 'No', 'Maybe']);
    expect(answersOf('missing')).toEqual([
      { answer: 'yes', label: 'Yes: B could exist without A' },
      { answer: 'no', label: 'No: B exists only because of A' },
    ]);
  });

  it('knows where a walk stands: the next question, a leaf, or off the chart', () => {
    expect(positionAfter([])).toBe('causal');
    expect(positionAfter([{ node: 'causal', answer: 'yes' }])).toBe('started');
    expect(
      positionAfter([
        { node: 'causal', answer: 'no' },
        { node: 'batch', answer: 'yes' },
      ]),
    ).toBe('link');
    expect(positionAfter([{ node: 'started', answer: 'yes' }])).toBeNull(); // out of turn
    expect(
      positionAfter([
        { node: 'causal', answer: 'yes' },
        { node: 'started', answer: 'maybe' },
      ]),
    ).toBeNull();
  });

  it('says a walk in words, ending in its leaf', () => {
    const steps = [
      { node: 'causal', answer: 'yes' },
      { node: 'started', answer: 'no' },
      { node: 'time', answer: 'yes' },
    ] as const;
    expect(trailText(steps)).toBe(
      'Direct causal relationship? Yes → Did A cause B to start? No → Related, if only in time? Yes → Use a span link',
    );
    expect(trailText(steps.slice(0, 1))).toBe('Direct causal relationship? Yes');
    expect(walkDecision(steps)).toEqual({ ok: true, leaf: 'link' });
  });
});

/**
 * The course's decision flowchart: the questions that choose between a parent, a link and no
 * relationship at all. It is the seed article's chart with its loose ends tied: "related in time?
 * no" and "processed together? no" lead to "no relationship, or an attribute".
 */

/** A question of the flowchart, by id. */
export type DecisionNodeId = 'causal' | 'started' | 'time' | 'batch' | 'missing';

/** An answer the flowchart ends in. */
export type DecisionLeaf = 'parent-child' | 'link' | 'none';

/** An answer to one question. */
export type DecisionAnswer = 'yes' | 'no' | 'maybe';

/** One question: its text and where each answer leads. */
export interface DecisionNode {
  id: DecisionNodeId;
  question: string;
  /** The question in a few words, as the chart and the text trail show it. */
  short: string;
  /** Where each answer leads: another question or a leaf. */
  next: Partial<Record<DecisionAnswer, DecisionNodeId | DecisionLeaf>>;
  /** A label for an answer, when "Yes"/"No" alone would not say enough. */
  labels?: Partial<Record<DecisionAnswer, string>>;
}

/** The first question. */
export const DECISION_ROOT: DecisionNodeId = 'causal';

/** The questions, in the order a reader usually meets them. */
export const DECISION_NODES: Readonly<Record<DecisionNodeId, DecisionNode>> = {
  causal: {
    id: 'causal',
    short: 'Direct causal relationship?',
    question: 'Is there a direct causal relationship between the two operations?',
    next: { yes: 'started', no: 'batch', maybe: 'missing' },
  },
  started: {
    id: 'started',
    short: 'Did A cause B to start?',
    question: 'Did operation A directly cause operation B to start?',
    next: { yes: 'parent-child', no: 'time' },
  },
  time: {
    id: 'time',
    short: 'Related, if only in time?',
    question: 'Are they related, if only in time (one caused work the other picks up later)?',
    next: { yes: 'link', no: 'none' },
  },
  batch: {
    id: 'batch',
    short: 'Several operations processed together?',
    question: 'Are several independent operations processed together?',
    next: { yes: 'link', no: 'none' },
  },
  missing: {
    id: 'missing',
    short: 'Would the trace make sense without one of them?',
    question: 'Would the trace still make sense if one of the spans were missing?',
    next: { yes: 'link', no: 'parent-child' },
    labels: { yes: 'Yes: B could exist without A', no: 'No: B exists only because of A' },
  },
};

/** What each leaf says. */
export const DECISION_LEAVES: Readonly<Record<DecisionLeaf, string>> = {
  'parent-child': 'Use parent and child',
  link: 'Use a span link',
  none: 'No relationship, or an attribute',
};

/** What each leaf says in a few words, as the chart shows it. */
export const DECISION_LEAVES_SHORT: Readonly<Record<DecisionLeaf, string>> = {
  'parent-child': 'Parent and child',
  link: 'Span link',
  none: 'No relationship',
};

/** One step of a walk through the chart. */
export interface DecisionStep {
  node: DecisionNodeId;
  answer: DecisionAnswer;
}

/** True for the ids of leaves. */
export function isLeaf(target: DecisionNodeId | DecisionLeaf): target is DecisionLeaf {
  return target in DECISION_LEAVES;
}

/**
 * Follows answers from the root. Returns the leaf reached, or a message saying which step does
 * not fit the chart (a question asked out of turn, an answer it does not offer, a walk that stops
 * before a leaf or goes on past one).
 */
export function walkDecision(
  steps: readonly DecisionStep[],
): { ok: true; leaf: DecisionLeaf } | { ok: false; error: string } {
  let at: DecisionNodeId | DecisionLeaf = DECISION_ROOT;
  for (const [index, step] of steps.entries()) {
    if (isLeaf(at)) return { ok: false, error: `step ${index + 1}: the walk already reached "${at}"` };
    if (step.node !== at)
      return { ok: false, error: `step ${index + 1}: expected question "${at}", got "${step.node}"` };
    const next: DecisionNodeId | DecisionLeaf | undefined = DECISION_NODES[at].next[step.answer];
    if (next === undefined) return { ok: false, error: `step ${index + 1}: "${at}" has no answer "${step.answer}"` };
    at = next;
  }
  return isLeaf(at)
    ? { ok: true, leaf: at }
    : { ok: false, error: `the walk stops at question "${at}", before an answer` };
}

/** The answers in the order buttons offer them. */
export const ANSWER_ORDER: readonly DecisionAnswer[] = ['yes', 'no', 'maybe'];

/** How an answer reads on its own. */
export const ANSWER_WORDS: Readonly<Record<DecisionAnswer, string>> = { yes: 'Yes', no: 'No', maybe: 'Maybe' };

/** The answers a question offers, in button order, each with the words it is shown with. */
export function answersOf(node: DecisionNodeId): Array<{ answer: DecisionAnswer; label: string }> {
  const { next, labels } = DECISION_NODES[node];
  return ANSWER_ORDER.filter((answer) => next[answer] !== undefined).map((answer) => ({
    answer,
    label: labels?.[answer] ?? ANSWER_WORDS[answer],
  }));
}

/**
 * Where a walk stands: the question to answer next, or the leaf it reached. Null when a step does
 * not fit the chart (see `walkDecision` for why).
 */
export function positionAfter(steps: readonly DecisionStep[]): DecisionNodeId | DecisionLeaf | null {
  let at: DecisionNodeId | DecisionLeaf = DECISION_ROOT;
  for (const step of steps) {
    if (isLeaf(at) || step.node !== at) return null;
    const next: DecisionNodeId | DecisionLeaf | undefined = DECISION_NODES[at].next[step.answer];
    if (next === undefined) return null;
    at = next;
  }
  return at;
}

/**
 * A walk as words, so it never depends on a chart or a colour:
 * "Direct causal relationship? Yes → Did A cause B to start? No → … → Use a span link".
 */
export function trailText(steps: readonly DecisionStep[]): string {
  const parts = steps.map((step) => `${DECISION_NODES[step.node].short} ${ANSWER_WORDS[step.answer]}`);
  const at = positionAfter(steps);
  if (at !== null && isLeaf(at)) parts.push(DECISION_LEAVES[at]);
  return parts.join(' → ');
}

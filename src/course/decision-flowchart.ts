/**
 * The course's decision flowchart: the question lesson 1 teaches — did A cause B to start, and is
 * A the only cause? — then whether B should stay in A's trace. It ends in four answers: parent and
 * child, a new trace that links to A, links to each cause, or no relationship. (The article the
 * course grew from had another chart; the best-practices lesson shows it and says what changed.)
 */

/** A question of the flowchart, by id. */
export type DecisionNodeId = 'started' | 'only' | 'stay';

/** An answer the flowchart ends in. */
export type DecisionLeaf = 'parent-child' | 'new-trace' | 'links' | 'none';

/** An answer to one question. */
export type DecisionAnswer = 'yes' | 'no';

/** One question: its text and where each answer leads. */
export interface DecisionNode {
  id: DecisionNodeId;
  question: string;
  /** The question in a few words, as the chart and the text trail show it. */
  short: string;
  /** Where each answer leads: another question or a leaf. */
  next: Readonly<Record<DecisionAnswer, DecisionNodeId | DecisionLeaf>>;
  /** A label for an answer, when "Yes"/"No" alone would not say enough. */
  labels?: Partial<Record<DecisionAnswer, string>>;
}

/** The first question. */
export const DECISION_ROOT: DecisionNodeId = 'started';

/** The questions, in the order a walk meets them. */
export const DECISION_NODES: Readonly<Record<DecisionNodeId, DecisionNode>> = {
  started: {
    id: 'started',
    short: 'Did A cause B to start?',
    question:
      'Did A cause B to start: did A call B, send the message B handles, schedule B, hand B an input it waits for, or fail so that B retries its work?',
    next: { yes: 'only', no: 'none' },
    labels: { yes: 'Yes: B started because of A', no: 'No: they only coincide or share data' },
  },
  only: {
    id: 'only',
    short: 'Is A its only cause?',
    question:
      'Is A the only cause of B, or one of many (one message of a batch, one input of a fan-in, a failed attempt that a caller retries)?',
    next: { yes: 'stay', no: 'links' },
    labels: { yes: 'Yes: A alone', no: 'No: one of many' },
  },
  stay: {
    id: 'stay',
    short: "Should B stay in A's trace?",
    question:
      "Should B stay in A's trace, or does something separate them: a trust boundary, hours of delay, or a sampling or retention decision of its own?",
    next: { yes: 'parent-child', no: 'new-trace' },
    labels: { yes: 'Yes: nothing separates them', no: 'No: a boundary, a delay or its own sampling' },
  },
};

/** What each leaf says. */
export const DECISION_LEAVES: Readonly<Record<DecisionLeaf, string>> = {
  'parent-child': 'Make A the parent of B',
  'new-trace': 'Start B in a new trace that links to A',
  links: 'Link B to each of its causes; its parent, if any, is what started it',
  none: 'Neither parent nor link; a shared attribute can record what they have in common',
};

/** What each leaf says in a few words, as the chart shows it. */
export const DECISION_LEAVES_SHORT: Readonly<Record<DecisionLeaf, string>> = {
  'parent-child': 'Parent and child',
  'new-trace': 'New trace that links to A',
  links: 'Links to each cause',
  none: 'No relationship (maybe an attribute)',
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
    const next = nextOf(at, step.answer);
    if (next === undefined) return { ok: false, error: `step ${index + 1}: "${at}" has no answer "${step.answer}"` };
    at = next;
  }
  return isLeaf(at)
    ? { ok: true, leaf: at }
    : { ok: false, error: `the walk stops at question "${at}", before an answer` };
}

/** Where an answer leads, or undefined for an answer the question does not offer (data from outside). */
function nextOf(node: DecisionNodeId, answer: string): DecisionNodeId | DecisionLeaf | undefined {
  return Object.hasOwn(DECISION_NODES[node].next, answer)
    ? DECISION_NODES[node].next[answer as DecisionAnswer]
    : undefined;
}

/** The answers in the order buttons offer them. */
export const ANSWER_ORDER: readonly DecisionAnswer[] = ['yes', 'no'];

/** How an answer reads on its own. */
export const ANSWER_WORDS: Readonly<Record<DecisionAnswer, string>> = { yes: 'Yes', no: 'No' };

/** The answers a question offers, in button order, each with the words it is shown with. */
export function answersOf(node: DecisionNodeId): Array<{ answer: DecisionAnswer; label: string }> {
  const { labels } = DECISION_NODES[node];
  return ANSWER_ORDER.map((answer) => ({ answer, label: labels?.[answer] ?? ANSWER_WORDS[answer] }));
}

/**
 * Where a walk stands: the question to answer next, or the leaf it reached. Null when a step does
 * not fit the chart (see `walkDecision` for why).
 */
export function positionAfter(steps: readonly DecisionStep[]): DecisionNodeId | DecisionLeaf | null {
  let at: DecisionNodeId | DecisionLeaf = DECISION_ROOT;
  for (const step of steps) {
    if (isLeaf(at) || step.node !== at) return null;
    const next = nextOf(at, step.answer);
    if (next === undefined) return null;
    at = next;
  }
  return at;
}

/**
 * A walk as words, so it never depends on a chart or a colour:
 * "Did A cause B to start? Yes → Is A its only cause? No → Link B to each of its causes; …".
 */
export function trailText(steps: readonly DecisionStep[]): string {
  const parts = steps.map((step) => `${DECISION_NODES[step.node].short} ${ANSWER_WORDS[step.answer]}`);
  const at = positionAfter(steps);
  if (at !== null && isLeaf(at)) parts.push(DECISION_LEAVES[at]);
  return parts.join(' → ');
}

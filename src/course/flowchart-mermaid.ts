/**
 * The decision flowchart as Mermaid flowchart text, with a walk marked on it: the questions and
 * answers the reader took, the question asked now, and — once the reader went wrong — the right
 * path. Marks are classes on nodes and edges (`qz-walked`, `qz-current`, `qz-right`, …) that the
 * page styles for its theme; the leaves' labels also say "your answer" and "right answer", so
 * the result never rests on colour.
 */
import { flowchartLabel } from '../simulator/views/mermaid-escape.ts';
import {
  answersOf,
  DECISION_LEAVES,
  DECISION_NODES,
  DECISION_ROOT,
  isLeaf,
  positionAfter,
  type DecisionAnswer,
  type DecisionLeaf,
  type DecisionNodeId,
  type DecisionStep,
} from './decision-flowchart.ts';

/** What to mark on the chart. */
export interface FlowchartMarks {
  /** The reader's answers so far, from the first question. */
  walked?: readonly DecisionStep[];
  /** The right walk, marked only when `showRight` is set (after a wrong answer). */
  right?: readonly DecisionStep[];
  /** Mark the right walk and its leaf. */
  showRight?: boolean;
}

/** The classes the chart's marks use, for the page's styles and for tests. */
export const MARK_CLASSES = {
  /** A question or answer on the reader's path. */
  walked: 'qz-walked',
  /** The question being asked now. */
  current: 'qz-current',
  /** The leaf the reader reached. */
  reached: 'qz-reached',
  /** A question, answer or leaf on the right path. */
  right: 'qz-right',
} as const;

/** The Mermaid id of a question or a leaf: `q_causal`, `l_parent_child`. */
export function chartNodeId(target: DecisionNodeId | DecisionLeaf): string {
  return isLeaf(target) ? `l_${target.replaceAll('-', '_')}` : `q_${target}`;
}

/** The Mermaid id of the edge an answer takes: `e_causal_yes`. */
export function chartEdgeId(node: DecisionNodeId, answer: DecisionAnswer): string {
  return `e_${node}_${answer}`;
}

const QUESTION_ORDER: readonly DecisionNodeId[] = ['causal', 'started', 'time', 'batch', 'missing'];
const LEAF_ORDER: readonly DecisionLeaf[] = ['parent-child', 'link', 'none'];

/** Node and edge ids a walk passes through, and where it stands. */
function idsOf(steps: readonly DecisionStep[]): { ids: string[]; at: ReturnType<typeof positionAfter> } {
  const ids: string[] = [];
  for (const step of steps) ids.push(chartNodeId(step.node), chartEdgeId(step.node, step.answer));
  const at = positionAfter(steps);
  if (at !== null) ids.push(chartNodeId(at));
  return { ids, at };
}

/** The marks as classes per chart id (node or edge), and the leaves reached. */
export interface ChartMarks {
  /** Chart id (`q_causal`, `e_causal_yes`, `l_link`) → its mark classes. */
  classes: Map<string, string[]>;
  /** The leaf the reader reached, if the walk is over. */
  reached?: DecisionLeaf;
  /** The right leaf, when the right walk is shown. */
  right?: DecisionLeaf;
  /** The question asked now, while the walk goes on. */
  current?: DecisionNodeId;
}

/** Works out which node and edge carries which mark. Steps that do not fit the chart mark nothing past the first that does not. */
export function chartMarks(marks: FlowchartMarks = {}): ChartMarks {
  const classes = new Map<string, string[]>();
  const add = (ids: readonly string[], name: string): void => {
    for (const id of ids) classes.set(id, [...(classes.get(id) ?? []), name]);
  };
  const walked = idsOf(marks.walked ?? []);
  const result: ChartMarks = { classes };
  add(walked.ids, MARK_CLASSES.walked);
  if (walked.at !== null && isLeaf(walked.at)) {
    result.reached = walked.at;
    add([chartNodeId(walked.at)], MARK_CLASSES.reached);
  } else if (walked.at !== null) {
    result.current = walked.at;
    add([chartNodeId(walked.at)], MARK_CLASSES.current);
  }
  if (marks.showRight === true) {
    const right = idsOf(marks.right ?? []);
    add(right.ids, MARK_CLASSES.right);
    if (right.at !== null && isLeaf(right.at)) result.right = right.at;
  }
  return result;
}

/** The leaf's label, with whose answer it is. */
function leafLabel(leaf: DecisionLeaf, marks: ChartMarks): string {
  const text = DECISION_LEAVES[leaf];
  const reached = leaf === marks.reached;
  const right = leaf === marks.right;
  if (reached && right) return `${text} ✓ (your answer, right)`;
  if (reached) return `${text} (your answer)`;
  if (right) return `${text} ✓ (right answer)`;
  return text;
}

/**
 * The flowchart's Mermaid text (top to bottom, every label escaped), with `marks` as classes.
 * Mermaid puts node classes on the node's `g`; an edge gets its class's style inline, and
 * `data-id` to find it by (see `chartMarks` for its classes).
 */
export function decisionFlowchartText(marks: FlowchartMarks = {}): string {
  const marked = chartMarks(marks);
  const lines = ['flowchart TB'];
  for (const id of QUESTION_ORDER) lines.push(`  ${chartNodeId(id)}(${flowchartLabel(DECISION_NODES[id].short)})`);
  for (const leaf of LEAF_ORDER) lines.push(`  ${chartNodeId(leaf)}([${flowchartLabel(leafLabel(leaf, marked))}])`);
  for (const id of QUESTION_ORDER) {
    for (const { answer, label } of answersOf(id)) {
      const target = DECISION_NODES[id].next[answer];
      if (target === undefined) continue;
      lines.push(`  ${chartNodeId(id)} ${chartEdgeId(id, answer)}@-->|${flowchartLabel(label)}| ${chartNodeId(target)}`);
    }
  }
  // classDef gives each mark a look even where the page's styles are absent (tests, a copy of
  // the text); the page sets the colours for its theme.
  lines.push(
    `  classDef ${MARK_CLASSES.walked} stroke-width:3px`,
    `  classDef ${MARK_CLASSES.current} stroke-width:3px,stroke-dasharray:6 3`,
    `  classDef ${MARK_CLASSES.reached} stroke-width:4px`,
    `  classDef ${MARK_CLASSES.right} stroke-width:3px`,
  );
  for (const name of Object.values(MARK_CLASSES)) {
    const ids = [...marked.classes].filter(([, names]) => names.includes(name)).map(([id]) => id);
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The first question's id in the chart, where every walk starts. */
export const CHART_ROOT = chartNodeId(DECISION_ROOT);

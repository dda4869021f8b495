/**
 * The decision flowchart as Mermaid flowchart text, with a walk marked on it: the questions and
 * answers the reader took, the question asked now, and — once the reader went wrong — the right
 * path. Marks are classes on nodes and edges (`qz-walked`, `qz-current`, `qz-right`, …) that the
 * page styles for its theme; the leaves' labels also say "your answer" and "right answer", so
 * the result never rests on colour.
 */
import { flowchartLabel } from '@spanlab/engine';
import {
  ANSWER_WORDS,
  answersOf,
  DECISION_LEAVES_SHORT,
  DECISION_NODES,
  isLeaf,
  positionAfter,
  walkDecision,
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
  /** The leaf the reader reached, when it is the right answer. */
  correct: 'qz-correct',
  /** A question, answer or leaf on the right path. */
  right: 'qz-right',
} as const;

/** The Mermaid id of a question: `q_started`. */
export function chartNodeId(node: DecisionNodeId): string {
  return `q_${node}`;
}

/**
 * The Mermaid id of the leaf an answer leads to: `l_only_no`. Each answer that ends the walk has
 * a leaf of its own, so the chart is a tree (no crossing arrows) and a path ends in exactly one leaf.
 */
export function chartLeafId(node: DecisionNodeId, answer: DecisionAnswer): string {
  return `l_${node}_${answer}`;
}

/** The Mermaid id of the edge an answer takes: `e_started_yes`. */
export function chartEdgeId(node: DecisionNodeId, answer: DecisionAnswer): string {
  return `e_${node}_${answer}`;
}

/**
 * How the chart is laid out: `wide`, left to right, for a lesson's column; `tall`, top-down, for
 * a phone, with larger text, so it fits a phone's width with its labels at 11 px or more.
 */
export type ChartLayout = 'wide' | 'tall';

/** Space between nodes and between ranks, the width labels wrap at, the padding in nodes, and the font size, in pixels. */
const CHART_LOOK = {
  wide: { node: 14, rank: 34, wrap: 110, padding: 6, font: 16 },
  tall: { node: 14, rank: 30, wrap: 110, padding: 6, font: 20 },
} as const;

/** The font size, in the chart's own pixels, its labels are drawn at. */
export function chartFontPx(layout: ChartLayout): number {
  return CHART_LOOK[layout].font;
}

const QUESTION_ORDER: readonly DecisionNodeId[] = ['started', 'only', 'stay'];
/** Node and edge ids a walk passes through, and where it stands. */
function idsOf(steps: readonly DecisionStep[]): {
  ids: string[];
  at: ReturnType<typeof positionAfter>;
  leafId?: string;
} {
  const ids: string[] = [];
  for (const step of steps) ids.push(chartNodeId(step.node), chartEdgeId(step.node, step.answer));
  const at = positionAfter(steps);
  const last = steps.at(-1);
  if (at !== null && isLeaf(at) && last !== undefined) {
    const leafId = chartLeafId(last.node, last.answer);
    ids.push(leafId);
    return { ids, at, leafId };
  }
  if (at !== null && !isLeaf(at)) ids.push(chartNodeId(at));
  return { ids, at };
}

/** The marks as classes per chart id (node or edge), and the leaves reached. */
export interface ChartMarks {
  /** Chart id (`q_started`, `e_started_yes`, `l_only_no`) → its mark classes. */
  classes: Map<string, string[]>;
  /** The leaf the reader reached, if the walk is over, and its chart id. */
  reached?: DecisionLeaf;
  reachedId?: string;
  /** The right leaf, when the right walk is given. */
  right?: DecisionLeaf;
  /** The chart id of the right leaf, when the right walk is shown. */
  rightId?: string;
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
  if (walked.at !== null && isLeaf(walked.at) && walked.leafId !== undefined) {
    result.reached = walked.at;
    result.reachedId = walked.leafId;
    add([walked.leafId], MARK_CLASSES.reached);
    if (marks.right !== undefined && walkDecision(marks.right).ok && positionAfter(marks.right) === walked.at) {
      add([walked.leafId], MARK_CLASSES.correct);
    }
  } else if (walked.at !== null && !isLeaf(walked.at)) {
    result.current = walked.at;
    add([chartNodeId(walked.at)], MARK_CLASSES.current);
  }
  const right = marks.right === undefined ? undefined : idsOf(marks.right);
  if (right?.at !== null && right?.at !== undefined && isLeaf(right.at) && right.leafId !== undefined) {
    result.right = right.at;
    if (marks.showRight === true) {
      result.rightId = right.leafId;
      add(right.ids, MARK_CLASSES.right);
    }
  }
  return result;
}

/** A leaf's label, with whose answer it is: the reader's (right or not), or the right one. */
function leafLabel(id: string, leaf: DecisionLeaf, marks: ChartMarks): string {
  const text = DECISION_LEAVES_SHORT[leaf];
  if (id === marks.reachedId)
    return marks.reached === marks.right ? `${text} ✓ (your answer, right)` : `${text} (your answer)`;
  if (id === marks.rightId) return `${text} ✓ (right answer)`;
  return text;
}

/**
 * The flowchart's Mermaid text (left to right, or top-down for the `tall` layout, every label
 * escaped), with `marks` as classes. Mermaid puts node classes on the node's `g`; an edge gets
 * its class's style inline, and `data-id` to find it by (see `chartMarks` for its classes).
 */
export function decisionFlowchartText(marks: FlowchartMarks = {}, layout: ChartLayout = 'wide'): string {
  const marked = chartMarks(marks);
  const look = CHART_LOOK[layout];
  // Tighter than Mermaid's defaults, so the chart fits a lesson's column with readable text.
  const lines = ['---', 'config:'];
  if (look.font !== CHART_LOOK.wide.font) lines.push('  themeVariables:', `    fontSize: ${String(look.font)}px`);
  lines.push(
    '  flowchart:',
    `    nodeSpacing: ${String(look.node)}`,
    `    rankSpacing: ${String(look.rank)}`,
    `    wrappingWidth: ${String(look.wrap)}`,
    `    padding: ${String(look.padding)}`,
    '---',
    // Left to right: four ranks wide and four leaves high fits a column better than the reverse.
    layout === 'wide' ? 'flowchart LR' : 'flowchart TD',
  );
  for (const id of QUESTION_ORDER) lines.push(`  ${chartNodeId(id)}(${flowchartLabel(DECISION_NODES[id].short)})`);
  for (const id of QUESTION_ORDER) {
    for (const { answer } of answersOf(id)) {
      const target = DECISION_NODES[id].next[answer];
      if (target === undefined) continue;
      let to: string;
      if (isLeaf(target)) {
        to = chartLeafId(id, answer);
        // A leaf is a plain box, a question a rounded one. (A stadium around four lines of text is
        // wide enough to push the chart past a lesson's column once a leaf says whose answer it is.)
        lines.push(`  ${to}[${flowchartLabel(leafLabel(to, target, marked))}]`);
      } else to = chartNodeId(target);
      // The chart says only Yes/No: the buttons carry the longer labels.
      lines.push(`  ${chartNodeId(id)} ${chartEdgeId(id, answer)}@-->|${flowchartLabel(ANSWER_WORDS[answer])}| ${to}`);
    }
  }
  // classDef gives each mark a look even where the page's styles are absent (tests, a copy of
  // the text); the page sets the colours for its theme.
  lines.push(
    `  classDef ${MARK_CLASSES.walked} stroke-width:3px`,
    `  classDef ${MARK_CLASSES.current} stroke-width:3px,stroke-dasharray:6 3`,
    `  classDef ${MARK_CLASSES.reached} stroke-width:4px`,
    `  classDef ${MARK_CLASSES.correct} stroke-width:4px`,
    `  classDef ${MARK_CLASSES.right} stroke-width:3px`,
  );
  for (const name of Object.values(MARK_CLASSES)) {
    const ids = [...marked.classes].filter(([, names]) => names.includes(name)).map(([id]) => id);
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

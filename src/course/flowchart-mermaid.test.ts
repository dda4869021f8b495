// @vitest-environment jsdom
/**
 * The flowchart's Mermaid text, and what the real Mermaid 12 (dagre, strict, HTML labels, as on
 * the site) draws from it: one node per question and per leaf, the marks as classes on nodes,
 * and edges Mermaid tags with the ids the page marks them by.
 */
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeLayout } from '../../tests/support/jsdom-layout.ts';
import { mermaidConfig } from '../components/trace/mermaid/load-mermaid.ts';
import type { DecisionStep } from './decision-flowchart.ts';
import { chartMarks, decisionFlowchartText, MARK_CLASSES } from './flowchart-mermaid.ts';

beforeAll(() => {
  fakeLayout();
  mermaid.initialize(mermaidConfig({ dark: false, ganttWidth: 800 }));
});

/** "Message 1 started the batch, so it is the parent": the walk the old chart allowed. */
const WRONG: DecisionStep[] = [
  { node: 'started', answer: 'yes' },
  { node: 'only', answer: 'yes' },
  { node: 'stay', answer: 'yes' },
];
const RIGHT: DecisionStep[] = [
  { node: 'started', answer: 'yes' },
  { node: 'only', answer: 'no' },
];

let renders = 0;
async function render(text: string): Promise<Document> {
  renders += 1;
  const { svg } = await mermaid.render(`chart${String(renders)}`, text);
  return new DOMParser().parseFromString(`<body>${svg}</body>`, 'text/html');
}

/** Node ids (`q_started`, `l_only_no`) carrying a class, from the SVG Mermaid drew. */
function nodesWith(page: Document, name: string): string[] {
  return [...page.querySelectorAll(`g.node.${name}`)].map((node) => /-flowchart-(.+)-\d+$/.exec(node.id)?.[1] ?? '?');
}

describe('the decision flowchart as Mermaid text', () => {
  it('marks the question asked now, and nothing else, before any answer', () => {
    const text = decisionFlowchartText({ walked: [] });
    expect(text.split('\n').filter((line) => line.startsWith('  class '))).toEqual([
      '  class q_started qz-walked',
      '  class q_started qz-current',
    ]);
    expect(text).toContain('q_started e_started_yes@-->|"Yes"| q_only');
    expect(text).toContain('l_only_no["Links to each cause"]');
  });

  it('marks a wrong walk, the leaf it reached, and the right path', () => {
    const text = decisionFlowchartText({ walked: WRONG, right: RIGHT, showRight: true });
    expect(text.split('\n').filter((line) => line.startsWith('  class '))).toEqual([
      '  class q_started,e_started_yes,q_only,e_only_yes,q_stay,e_stay_yes,l_stay_yes qz-walked',
      '  class l_stay_yes qz-reached',
      '  class q_started,e_started_yes,q_only,e_only_no,l_only_no qz-right',
    ]);
    expect(text).toContain('l_stay_yes["Parent and child (your answer)"]');
    expect(text).toContain('l_only_no["Links to each cause ✓ (right answer)"]');
  });

  it('says when the walk reached the right leaf, and hides the right path until asked', () => {
    const text = decisionFlowchartText({ walked: RIGHT, right: RIGHT });
    expect(text).toContain('l_only_no["Links to each cause ✓ (your answer, right)"]');
    expect(text).toContain('  class l_only_no qz-correct');
    expect(text).not.toContain(MARK_CLASSES.right + '\n');
    expect(chartMarks({ walked: RIGHT, right: RIGHT, showRight: true })).toMatchObject({
      reached: 'links',
      right: 'links',
    });
  });

  it('is a tight left-to-right chart, every label quoted', () => {
    const text = decisionFlowchartText();
    expect(text).toMatchInlineSnapshot(`
      "---
      config:
        flowchart:
          nodeSpacing: 14
          rankSpacing: 34
          wrappingWidth: 110
          padding: 6
      ---
      flowchart LR
        q_started("Did A cause B to start?")
        q_only("Is A its only cause?")
        q_stay("Should B stay in A's trace?")
        q_started e_started_yes@-->|"Yes"| q_only
        l_started_no["No relationship (maybe an attribute)"]
        q_started e_started_no@-->|"No"| l_started_no
        q_only e_only_yes@-->|"Yes"| q_stay
        l_only_no["Links to each cause"]
        q_only e_only_no@-->|"No"| l_only_no
        l_stay_yes["Parent and child"]
        q_stay e_stay_yes@-->|"Yes"| l_stay_yes
        l_stay_no["New trace that links to A"]
        q_stay e_stay_no@-->|"No"| l_stay_no
        classDef qz-walked stroke-width:3px
        classDef qz-current stroke-width:3px,stroke-dasharray:6 3
        classDef qz-reached stroke-width:4px
        classDef qz-correct stroke-width:4px
        classDef qz-right stroke-width:3px
        class q_started qz-walked
        class q_started qz-current
      "
    `);
    expect(text).toContain('q_only("Is A its only cause?")');
    expect(text).toContain('l_stay_no["New trace that links to A"]');
    // Between quotes, nothing Mermaid could read as syntax: such characters are written as #<code>;.
    const labels = [...text.matchAll(/"([^"]*)"/g)].map(([, label]) => label);
    expect(labels.length).toBeGreaterThan(12);
    for (const label of labels) expect(label).not.toMatch(/[<>[\]{}|:"]/);
  });
});

describe('the decision flowchart laid out for a phone', () => {
  it('runs top-down with larger text, and the same nodes, edges, shapes and marks', () => {
    const wide = decisionFlowchartText({ walked: WRONG, right: RIGHT, showRight: true });
    const tall = decisionFlowchartText({ walked: WRONG, right: RIGHT, showRight: true }, 'tall');
    expect(tall).toContain('flowchart TD');
    expect(tall).toContain('  themeVariables:\n    fontSize: 20px\n');
    expect(tall).toContain('l_stay_yes["Parent and child (your answer)"]');
    const statements = (text: string) => text.split('\n').filter((line) => /^ {2}(q_|l_|class)/.test(line));
    expect(statements(tall)).toEqual(statements(wide));
  });
});

describe('the decision flowchart drawn by the real Mermaid', () => {
  it('draws three questions and four leaves, with the marks on the nodes', async () => {
    const page = await render(decisionFlowchartText({ walked: WRONG, right: RIGHT, showRight: true }));
    expect(page.querySelectorAll('g.node')).toHaveLength(7);
    expect(nodesWith(page, MARK_CLASSES.walked)).toEqual(['q_started', 'q_only', 'q_stay', 'l_stay_yes']);
    expect(nodesWith(page, MARK_CLASSES.reached)).toEqual(['l_stay_yes']);
    expect(nodesWith(page, MARK_CLASSES.right)).toEqual(['q_started', 'q_only', 'l_only_no']);
    expect(nodesWith(page, MARK_CLASSES.current)).toEqual([]);
    const labels = [...page.querySelectorAll('g.node .nodeLabel')].map((label) => label.textContent);
    expect(labels).toContain('Parent and child (your answer)');
    expect(labels).toContain('Links to each cause ✓ (right answer)');
  });

  it('tags each edge with its id, so the page can mark the path', async () => {
    const page = await render(decisionFlowchartText({ walked: WRONG.slice(0, 1) }));
    const edges = [...page.querySelectorAll('path.flowchart-link[data-id]')].map((path) =>
      path.getAttribute('data-id'),
    );
    expect(edges).toHaveLength(6);
    expect(edges).toContain('e_started_yes');
    const { classes } = chartMarks({ walked: WRONG.slice(0, 1) });
    expect(classes.get('e_started_yes')).toEqual([MARK_CLASSES.walked]);
    expect(nodesWith(page, MARK_CLASSES.current)).toEqual(['q_only']);
  });
});

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

const WRONG: DecisionStep[] = [
  { node: 'causal', answer: 'yes' },
  { node: 'started', answer: 'yes' },
];
const RIGHT: DecisionStep[] = [
  { node: 'causal', answer: 'no' },
  { node: 'batch', answer: 'yes' },
];

let renders = 0;
async function render(text: string): Promise<Document> {
  renders += 1;
  const { svg } = await mermaid.render(`chart${String(renders)}`, text);
  return new DOMParser().parseFromString(`<body>${svg}</body>`, 'text/html');
}

/** Node ids (`q_causal`, `l_batch_yes`) carrying a class, from the SVG Mermaid drew. */
function nodesWith(page: Document, name: string): string[] {
  return [...page.querySelectorAll(`g.node.${name}`)].map((node) => /-flowchart-(.+)-\d+$/.exec(node.id)?.[1] ?? '?');
}

describe('the decision flowchart as Mermaid text', () => {
  it('marks the question asked now, and nothing else, before any answer', () => {
    const text = decisionFlowchartText({ walked: [] });
    expect(text.split('\n').filter((line) => line.startsWith('  class '))).toEqual([
      '  class q_causal qz-walked',
      '  class q_causal qz-current',
    ]);
    expect(text).toContain('q_causal e_causal_yes@-->|"Yes"| q_started');
    expect(text).toContain('l_batch_yes(["Span link"])');
  });

  it('marks a wrong walk, the leaf it reached, and the right path', () => {
    const text = decisionFlowchartText({ walked: WRONG, right: RIGHT, showRight: true });
    expect(text.split('\n').filter((line) => line.startsWith('  class '))).toEqual([
      '  class q_causal,e_causal_yes,q_started,e_started_yes,l_started_yes qz-walked',
      '  class l_started_yes qz-reached',
      '  class q_causal,e_causal_no,q_batch,e_batch_yes,l_batch_yes qz-right',
    ]);
    expect(text).toContain('l_started_yes(["Parent and child (your answer)"])');
    expect(text).toContain('l_batch_yes(["Span link ✓ (right answer)"])');
  });

  it('says when the walk reached the right leaf, and hides the right path until asked', () => {
    const text = decisionFlowchartText({ walked: RIGHT, right: RIGHT });
    expect(text).toContain('l_batch_yes(["Span link ✓ (your answer, right)"])');
    expect(text).toContain('  class l_batch_yes qz-correct');
    expect(text).not.toContain(MARK_CLASSES.right + '\n');
    expect(chartMarks({ walked: RIGHT, right: RIGHT, showRight: true })).toMatchObject({
      reached: 'link',
      right: 'link',
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
        q_causal("Direct causal relationship?")
        q_started("Did A cause B to start?")
        q_time("Related, if only in time?")
        q_batch("Several operations processed together?")
        q_missing("Would the trace make sense without one of them?")
        q_causal e_causal_yes@-->|"Yes"| q_started
        q_causal e_causal_no@-->|"No"| q_batch
        q_causal e_causal_maybe@-->|"Maybe"| q_missing
        l_started_yes(["Parent and child"])
        q_started e_started_yes@-->|"Yes"| l_started_yes
        q_started e_started_no@-->|"No"| q_time
        l_time_yes(["Span link"])
        q_time e_time_yes@-->|"Yes"| l_time_yes
        l_time_no(["No relationship"])
        q_time e_time_no@-->|"No"| l_time_no
        l_batch_yes(["Span link"])
        q_batch e_batch_yes@-->|"Yes"| l_batch_yes
        l_batch_no(["No relationship"])
        q_batch e_batch_no@-->|"No"| l_batch_no
        l_missing_yes(["Span link"])
        q_missing e_missing_yes@-->|"Yes"| l_missing_yes
        l_missing_no(["Parent and child"])
        q_missing e_missing_no@-->|"No"| l_missing_no
        classDef qz-walked stroke-width:3px
        classDef qz-current stroke-width:3px,stroke-dasharray:6 3
        classDef qz-reached stroke-width:4px
        classDef qz-correct stroke-width:4px
        classDef qz-right stroke-width:3px
        class q_causal qz-walked
        class q_causal qz-current
      "
    `);
    expect(text).toContain('q_missing("Would the trace make sense without one of them?")');
    expect(text).toContain('q_time("Related, if only in time?")');
    // Between quotes, nothing Mermaid could read as syntax: such characters are written as #<code>;.
    const labels = [...text.matchAll(/"([^"]*)"/g)].map(([, label]) => label);
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) expect(label).not.toMatch(/[<>[\]{}|:"]/);
  });
});

describe('the decision flowchart drawn by the real Mermaid', () => {
  it('draws five questions and seven leaves, with the marks on the nodes', async () => {
    const page = await render(decisionFlowchartText({ walked: WRONG, right: RIGHT, showRight: true }));
    expect(page.querySelectorAll('g.node')).toHaveLength(12);
    expect(nodesWith(page, MARK_CLASSES.walked)).toEqual(['q_causal', 'q_started', 'l_started_yes']);
    expect(nodesWith(page, MARK_CLASSES.reached)).toEqual(['l_started_yes']);
    expect(nodesWith(page, MARK_CLASSES.right)).toEqual(['q_causal', 'q_batch', 'l_batch_yes']);
    expect(nodesWith(page, MARK_CLASSES.current)).toEqual([]);
    const labels = [...page.querySelectorAll('g.node .nodeLabel')].map((label) => label.textContent);
    expect(labels).toContain('Parent and child (your answer)');
    expect(labels).toContain('Span link ✓ (right answer)');
  });

  it('tags each edge with its id, so the page can mark the path', async () => {
    const page = await render(decisionFlowchartText({ walked: WRONG.slice(0, 1) }));
    const edges = [...page.querySelectorAll('path.flowchart-link[data-id]')].map((path) =>
      path.getAttribute('data-id'),
    );
    expect(edges).toHaveLength(11);
    expect(edges).toContain('e_causal_yes');
    const { classes } = chartMarks({ walked: WRONG.slice(0, 1) });
    expect(classes.get('e_causal_yes')).toEqual([MARK_CLASSES.walked]);
    expect(nodesWith(page, MARK_CLASSES.current)).toEqual(['q_started']);
  });
});

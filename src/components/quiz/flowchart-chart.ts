/**
 * Draws the decision flowchart with a walk marked on it (loaded with Mermaid, when a flowchart
 * question is reached). Mermaid puts the marks' classes on nodes only; edges get theirs here, by
 * the `data-id` Mermaid gives them, so the page styles both alike.
 */
import {
  type ChartLayout,
  chartFontPx,
  chartMarks,
  decisionFlowchartText,
  type FlowchartMarks,
} from '../../course/flowchart-mermaid.ts';
import { isDarkTheme } from '../trace/dom/theme.ts';
import { renderSvg } from '../trace/mermaid/render-svg.ts';

/** Viewport width below which the chart is drawn top-down. */
const TALL_BELOW = '40rem';

/** Smallest size, in CSS pixels, the chart's labels are shown at: a narrower box scrolls sideways instead. */
const MIN_LABEL_PX = 11;

/** How the chart is named for assistive technology. */
export interface ChartNames {
  /** Id of the element naming the chart (its caption). */
  labelledBy: string;
  /** Id of the element describing it in words (the text trail). */
  describedBy: string;
}

/** The chart drawn in one layout, and the narrowest it can be shown with its labels at 11 px. */
async function drawIn(marks: FlowchartMarks, layout: ChartLayout): Promise<{ svg: SVGSVGElement; minWidth: number }> {
  const look = { dark: isDarkTheme(), ganttWidth: 800 };
  const { svg } = await renderSvg(look, decisionFlowchartText(marks, layout), 'qz-chart-');
  const width = svg.viewBox.baseVal.width;
  return { svg, minWidth: Math.ceil((width * MIN_LABEL_PX) / chartFontPx(layout)) };
}

/**
 * Renders the chart as an SVG element of this page, marked and named, for a box `boxWidth` CSS
 * pixels wide (0 when unknown): left to right where that fits with its labels at 11 px or more,
 * top-down where it would not (a phone, or a window too narrow for the sidebar and the chart).
 */
export async function drawFlowchart(marks: FlowchartMarks, names: ChartNames, boxWidth = 0): Promise<SVGSVGElement> {
  // On a phone the chart is laid out top-down, so it fits the width with its text readable.
  const phone = typeof matchMedia === 'function' && matchMedia(`(max-width: ${TALL_BELOW})`).matches;
  let layout: ChartLayout = phone ? 'tall' : 'wide';
  let drawn = await drawIn(marks, layout);
  if (layout === 'wide' && boxWidth > 0 && drawn.minWidth > boxWidth) {
    layout = 'tall';
    drawn = await drawIn(marks, layout);
  }
  const { svg, minWidth } = drawn;
  if (layout === 'tall') svg.classList.add('qz-chart-tall');
  // Never scaled so far down that its labels are under 11 px: in a narrower box it scrolls.
  if (minWidth > 0) svg.style.minWidth = `${String(minWidth)}px`;
  const { classes } = chartMarks(marks);
  for (const element of svg.querySelectorAll<SVGElement>('[data-id]')) {
    const marked = classes.get(element.dataset['id'] ?? '');
    if (marked !== undefined) element.classList.add(...marked);
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', names.labelledBy);
  svg.setAttribute('aria-describedby', names.describedBy);
  svg.classList.add('qz-chart-svg');
  return svg;
}

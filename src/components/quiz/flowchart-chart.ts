/**
 * Draws the decision flowchart with a walk marked on it (loaded with Mermaid, when a flowchart
 * question is reached). Mermaid puts the marks' classes on nodes only; edges get theirs here, by
 * the `data-id` Mermaid gives them, so the page styles both alike.
 */
import { chartFontPx, chartMarks, decisionFlowchartText, type FlowchartMarks } from '../../course/flowchart-mermaid.ts';
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

/** Renders the chart as an SVG element of this page, marked and named. */
export async function drawFlowchart(marks: FlowchartMarks, names: ChartNames): Promise<SVGSVGElement> {
  // On a phone the chart is laid out top-down, so it fits the width with its text readable.
  const tall = typeof matchMedia === 'function' && matchMedia(`(max-width: ${TALL_BELOW})`).matches;
  const layout = tall ? 'tall' : 'wide';
  const { svg } = await renderSvg(
    { dark: isDarkTheme(), ganttWidth: 800 },
    decisionFlowchartText(marks, layout),
    'qz-chart-',
  );
  if (tall) svg.classList.add('qz-chart-tall');
  // Never scaled so far down that its labels are under 11 px: in a narrower box it scrolls.
  const width = svg.viewBox.baseVal.width;
  if (width > 0) svg.style.minWidth = `${String(Math.ceil((width * MIN_LABEL_PX) / chartFontPx(layout)))}px`;
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

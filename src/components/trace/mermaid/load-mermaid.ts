import type { Mermaid, MermaidConfig } from 'mermaid';

/** What the configuration depends on: the theme, and the width gantt charts are laid out for. */
export interface MermaidLook {
  dark: boolean;
  /** Width in CSS pixels of the box a gantt chart is drawn in. */
  ganttWidth: number;
  /** Width left of a gantt chart's time axis, for section titles and the label column (64 by default). */
  ganttLeft?: number;
  /** Flowcharts drawn with the link graph's tighter spacing ({@link LINK_GRAPH_SPACING}). */
  compactFlowchart?: boolean;
}

/**
 * The link graph's spacing, tighter than Mermaid's (50 px between ranks and nodes, 15 px inside a
 * node): the retry and batch runs then fit a 727 px panel (the playground's at 1400 px) with their
 * text at 13 px and more, where Mermaid's spacing would scale it below 11 px.
 */
export const LINK_GRAPH_SPACING = { rankSpacing: 25, nodeSpacing: 30, padding: 8 } as const;

/** Width in CSS pixels of a gantt chart's section titles ("trace 12" at 12 px, and a margin). */
export const SECTION_TITLE_WIDTH = 64;

/** Height of a gantt chart's bar and the gap under it, in CSS pixels (a first waterfall is sized by them). */
export const GANTT_BAR_HEIGHT = 18;
export const GANTT_BAR_GAP = 4;

/** The configuration every diagram is drawn with; only the theme, the gantt width and the link graph's spacing vary. */
export function mermaidConfig({
  dark,
  ganttWidth,
  ganttLeft = SECTION_TITLE_WIDTH,
  compactFlowchart = false,
}: MermaidLook): MermaidConfig {
  return {
    startOnLoad: false,
    // The diagram text is escaped by the engine; strict also sanitises labels and drops clicks.
    securityLevel: 'strict',
    // Mermaid 12 lays flowcharts out with ELK by default: twice as slow and ~450 KB more to load.
    layout: 'dagre',
    look: 'classic',
    theme: dark ? 'dark' : 'default',
    // The dark theme's edge labels (#ccc on #585858) fall short of 4.5:1 contrast. The light
    // theme shades every third trace of the waterfall yellow: shade them alike, one in two.
    themeVariables: dark ? { edgeLabelBackground: '#2b2b2b' } : { sectionBkgColor2: 'rgba(102, 102, 255, 0.49)' },
    // Errors are caught and shown by the views; Mermaid must not draw its own error diagram.
    suppressErrorRendering: true,
    fontFamily: 'ui-sans-serif, system-ui, sans-serif',
    // Laid out for the panel's width (not the body's), so text is not scaled down. Each trace is
    // a section, titled at the left; the waterfall puts its labels in a column after the titles.
    gantt: {
      useMaxWidth: true,
      useWidth: ganttWidth,
      barHeight: GANTT_BAR_HEIGHT,
      barGap: GANTT_BAR_GAP,
      fontSize: 12,
      sectionFontSize: 12,
      leftPadding: ganttLeft,
      rightPadding: 24,
    },
    flowchart: { useMaxWidth: false, htmlLabels: true, ...(compactFlowchart ? LINK_GRAPH_SPACING : {}) },
  };
}

let loading: Promise<Mermaid> | undefined;
let initialised = '';

/**
 * Mermaid, imported on first use (never on page load) and initialised for the page's theme.
 * A failed import is forgotten, so a later call tries again.
 */
export async function loadMermaid(look: MermaidLook): Promise<Mermaid> {
  loading ??= import('mermaid').then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  const mermaid = await loading;
  const key = JSON.stringify(look);
  if (initialised !== key) {
    mermaid.initialize(mermaidConfig(look));
    initialised = key;
  }
  return mermaid;
}

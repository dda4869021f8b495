/**
 * Loads Mermaid and its gantt diagram (the waterfall's renderer) in the background, once the run
 * path has loaded: a first Run draws our own SVG waterfall without it, and the views upgrade to
 * the gantt chart when this has settled.
 */

const GANTT = 'gantt\n  dateFormat x\n  axisFormat %L\n  section t\n  s :0, 1';

let preloading: Promise<boolean> | undefined;
let warm = false;

/**
 * Imports Mermaid and parses a tiny gantt chart, which loads the gantt diagram's own chunk;
 * resolves with whether both loaded, never rejects. A failure is forgotten, so a later call tries again.
 */
export function preloadMermaid(): Promise<boolean> {
  preloading ??= import('mermaid')
    .then(async ({ default: mermaid }) => {
      await mermaid.parse(GANTT, { suppressErrors: true });
      warm = true;
      return true;
    })
    .catch(() => {
      preloading = undefined; // the views load it again, and report a failure
      return false;
    });
  return preloading;
}

/** Whether Mermaid and its gantt diagram have loaded: a waterfall can be drawn as a gantt chart at once. */
export function mermaidWarm(): boolean {
  return warm;
}

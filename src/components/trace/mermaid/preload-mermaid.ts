/** Loads Mermaid and its gantt diagram (the first view's renderer) before the first run needs them. */

const GANTT = 'gantt\n  dateFormat x\n  axisFormat %L\n  section t\n  s :0, 1';

let preloading: Promise<void> | undefined;

/** Imports Mermaid and parses a tiny gantt chart, which loads the gantt diagram's own chunk; never rejects. */
export function preloadMermaid(): Promise<void> {
  preloading ??= import('mermaid')
    .then(
      async ({ default: mermaid }) => {
        await mermaid.parse(GANTT, { suppressErrors: true });
      },
      () => undefined, // the views load it again, and report a failure
    )
    .catch(() => undefined);
  return preloading;
}

/** How serious a problem is; shown as a word and an icon, never by colour alone. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A verdict of the link-vs-parent linter (or any check) about a run. `spans` names the spans it
 * is about, each as a span id or as `traceId/spanId`; `lesson` is a path (`/lessons/links/`) or a
 * lesson slug (`links`).
 */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  spans: readonly string[];
  lesson?: string | undefined;
}

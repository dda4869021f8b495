/** Open trace: the code panel gives way to what the opened file is, until the reader goes back to code. */
import type { SpanRecord } from '@spanlab/engine';
import { formatDuration, plural } from '../trace/model/format.ts';

/** What the panel says about an opened trace file. */
export interface OpenedTrace {
  fileName: string;
  /** The file's format in words ("OTLP JSON"). */
  format: string;
  spans: readonly SpanRecord[];
}

/** The trace's real duration: from its first start to its last end (or start, for spans never ended). */
export function traceSpanMs(spans: readonly SpanRecord[]): number {
  if (spans.length === 0) return 0;
  const first = spans.reduce((min, span) => Math.min(min, span.start), Infinity);
  const last = spans.reduce((max, span) => Math.max(max, span.end ?? span.start), -Infinity);
  return last - first;
}

/** One line about an opened trace: file, format, spans, traces and its real duration (it has no seed). */
export function describeOpenedTrace(trace: OpenedTrace): string {
  const traces = new Set(trace.spans.map((span) => span.traceId)).size;
  return `${trace.fileName} · ${trace.format} · ${plural(trace.spans.length, 'span')} in ${plural(traces, 'trace')} · ${formatDuration(traceSpanMs(trace.spans))} from first start to last end`;
}

/**
 * Hides the editor in `codePanel` and says in its place that the views show the file, with a
 * "Back to code" button that undoes it and calls `back`. Returns a function that does the same.
 */
export function showOpenedTrace(codePanel: HTMLElement, trace: OpenedTrace, back: () => void): () => void {
  codePanel.querySelector('[data-opened-trace]')?.remove();
  const editor = codePanel.querySelector<HTMLElement>('scenario-editor');
  const panel = document.createElement('div');
  panel.className = 'opened-trace';
  panel.dataset['openedTrace'] = '';
  const heading = document.createElement('p');
  heading.className = 'opened-trace__title';
  heading.textContent = 'Opened trace';
  // What the file holds is in the views' summary beside this panel: here, what it means for the code.
  const why = document.createElement('p');
  why.textContent = `The views show ${trace.fileName}, not a run of the code: the code is kept, and Run runs it again.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Back to code';
  panel.append(heading, why, button);
  if (editor) editor.hidden = true;
  codePanel.prepend(panel);
  const close = (): void => {
    panel.remove();
    if (editor) editor.hidden = false;
  };
  button.addEventListener('click', () => {
    close();
    back();
  });
  return close;
}

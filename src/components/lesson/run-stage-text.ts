/** What a Run says while it waits for what it needs, in the lessons, exercises and playground. */
import type { RunStage } from '../playground/SandboxRunner.ts';

/** The status line's words for each stage of a Run. */
export const RUN_STAGE_TEXT: Record<RunStage, string> = {
  'loading-compiler': 'Loading the compiler for your edited code…',
  'loading-runner': 'Loading the runner…',
  running: 'Running…',
};

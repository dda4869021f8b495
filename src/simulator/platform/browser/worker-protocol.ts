/** Messages between a run worker, the sandbox frame that hosts it, and the page. */
import type { CompiledScenario } from '../../compile/transpile.ts';
import type { RunOptions } from '../../runtime/protocol.ts';

/** What a run worker sends: readiness, batches of RunEvents as JSON text, and its end. */
export type WorkerToHost = { type: 'ready' } | { type: 'events'; json: string } | { type: 'finished' };

/** What the page asks of the sandbox frame. */
export type PageToSandbox =
  /** Hands the frame the run worker's script ahead of the first run. */
  | { type: 'prepare'; workerSource: string }
  /** Starts a run; `workerSource` comes with the first run only, the frame keeps it. */
  | { type: 'start'; runId: number; workerSource?: string; scenario: CompiledScenario; options: RunOptions }
  | { type: 'stop'; runId: number };

/** What the sandbox frame tells the page: its readiness, a worker's message, or a worker's failure. */
export type SandboxToPage =
  | { type: 'sandbox-ready' }
  | { type: 'worker'; runId: number; message: WorkerToHost }
  | { type: 'worker-error'; runId: number; message: string };

/** Largest batch of events, as JSON text, the page accepts from a run. */
export const MAX_BATCH_CHARS = 16 * 1024 * 1024;
/**
 * Most messages per second the page accepts from a run before it stops it as flooding. A run
 * sends one batch per step that produced events, and a fast interval makes many steps: the
 * span and console caps bound a legitimate run far below this.
 */
export const MAX_MESSAGES_PER_SECOND = 50_000;

/**
 * Most messages the page accepts from one run. A run sends at most one batch per step that
 * produced events and one per 500 events or 5,000 links; the span budget (20,000 spans of at most
 * 128 links) and the console cap (1,000 lines) keep a legitimate run near 21,500 at the very most.
 */
export const MAX_MESSAGES_PER_RUN = 30_000;

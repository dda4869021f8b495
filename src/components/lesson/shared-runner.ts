/**
 * One sandboxed runner for every scenario and exercise of a page, created on first use. Runs take
 * turns; a component's new run cancels only its own earlier run, never another component's.
 */
import type { RunResult } from '@spanlab/engine';
import type { RunRequest } from '../playground/SandboxRunner.ts';
import type { SessionRunner } from '../playground/run-session.ts';
import type * as Engine from './lesson-engine.ts';

/** The lazily loaded engine chunk: the runner class and the checks. */
export type LessonEngine = typeof Engine;

type Runner = InstanceType<LessonEngine['SandboxRunner']>;

let engine: Promise<LessonEngine> | undefined;
let runner: Promise<Runner> | undefined;
let loaded: Runner | undefined;
let queue: Promise<unknown> = Promise.resolve();
let active: { owner: object } | undefined;
let tickets = 0;
const latest = new WeakMap<object, number>();
let warmed = false;
let warming: Promise<void> | undefined;

/** Loads the engine chunk (once). */
export function loadEngine(): Promise<LessonEngine> {
  engine ??= import('./lesson-engine.ts');
  return engine;
}

function loadRunner(): Promise<Runner> {
  runner ??= loadEngine().then(({ SandboxRunner }) => (loaded = new SandboxRunner()));
  return runner;
}

/**
 * Runs `request` for `owner` (a component): it waits for any other component's run to finish, and
 * cancels `owner`'s own earlier run. Resolves with the result, or `null` when a newer run of the
 * same owner took over.
 */
export function runFor(owner: object, request: RunRequest): Promise<RunResult | null> {
  const ticket = ++tickets;
  latest.set(owner, ticket);
  if (active?.owner === owner) loaded?.cancel();
  const turn = queue.then(async (): Promise<RunResult | null> => {
    if (latest.get(owner) !== ticket) return null;
    const r = await loadRunner();
    if (latest.get(owner) !== ticket) return null;
    const mine = { owner };
    active = mine;
    try {
      return await r.run(request);
    } finally {
      if (active === mine) active = undefined;
    }
  });
  queue = turn.catch(() => null);
  return turn;
}

/** Whether a Run would start at once: the runner is loaded and its sandbox is ready. */
export function runnerReady(): boolean {
  return loaded?.ready ?? false;
}

/**
 * Gets the runner ready before the first Run (the sandbox frame and a spare run worker), when a
 * reader reaches a component. No TypeScript: the page's scenarios come compiled from the build.
 */
export function warmRunner(): Promise<void> {
  // The run worker's script is fetched beside the runner's chunk, not after it has loaded (the
  // runner imports the same module when it prepares).
  if (!warming) void import('virtual:spanlab/run-worker').catch(() => undefined);
  warming ??= loadRunner().then((r) => r.prepare());
  warmed = true;
  return warming;
}

/** Whether warmRunner has been called. */
export function runnerWarming(): boolean {
  return warmed;
}

/** Starts loading the compiler: the reader has begun to edit, and edited code needs it. */
export function warmCompiler(): void {
  void loadRunner().then((r) => r.prepareCompiler());
}

/** Settles when the runs asked for so far have finished (or failed). */
export function runsSettled(): Promise<unknown> {
  return queue;
}

let views: Promise<unknown> | undefined;

/** Defines `<trace-views>` (once); a lesson loads it with the first run, not with the page. */
export function loadTraceViews(): Promise<unknown> {
  views ??= import('../trace/define-trace-views.ts');
  return views;
}

/** The page's shared runner as a run session's runner: the engine chunk and the views load beside a run. */
export const LESSON_RUNNER: SessionRunner = {
  run: runFor,
  ready: runnerReady,
  warmCompiler,
  loadShowing: () => Promise.all([loadEngine(), loadTraceViews()]).then(([engine]) => engine.lintWithDocs),
};

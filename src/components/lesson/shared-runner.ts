/**
 * One sandboxed runner for every scenario and exercise of a page, created on first use. Runs take
 * turns; a component's new run cancels only its own earlier run, never another component's.
 */
import type { RunResult } from '../../simulator/index.ts';
import type { RunRequest } from '../playground/SandboxRunner.ts';
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

/**
 * Gets the runner ready before the first Run (TypeScript in the compiler worker, the sandbox
 * frame, its run worker), by running an empty scenario once, when a reader reaches a component.
 */
export function warmRunner(): void {
  if (warmed) return;
  warmed = true;
  void runFor(warmRunner, { source: 'export {};', fileName: 'warm-up.ts' });
}

let views: Promise<unknown> | undefined;

/** Defines `<trace-views>` (once); a lesson loads it with the first run, not with the page. */
export function loadTraceViews(): Promise<unknown> {
  views ??= import('../trace/define-trace-views.ts');
  return views;
}

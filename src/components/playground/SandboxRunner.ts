import {
  DEFAULT_RUN_OPTIONS,
  RunAccumulator,
  type CompileOutcome,
  type RunOptions,
  type RunResult,
  wallClockMessage,
} from '@spanlab/engine';
import {
  MAX_BATCH_CHARS,
  MAX_MESSAGES_PER_RUN,
  MAX_MESSAGES_PER_SECOND,
  parseRunEvents,
  type CompileRequest,
  type CompileResponse,
  type PageToSandbox,
  type SandboxToPage,
} from '@spanlab/engine/browser';
import { compiledFor, rememberCompiled } from './compiled-cache.ts';
import { SANDBOX_SRCDOC } from './sandbox-frame.ts';
import { testBudgets } from './test-budgets.ts';

/** One run to do. */
export interface RunRequest {
  source: string;
  options?: Partial<RunOptions>;
  fileName?: string;
  /** Told what the run waits for before it starts, and when it starts. */
  onProgress?: (stage: RunStage) => void;
}

/** What a run is doing: loading the compiler (edited code only), loading the runner, or running. */
export type RunStage = 'loading-compiler' | 'loading-runner' | 'running';

/** How long a sandbox or a run may take to start before it is reported as crashed. */
const STARTUP_MS = 15_000;
/** After the run's own wall-clock budget, how long until the page stops it from outside. */
const TERMINATE_GRACE_MS = 1_000;

interface ActiveRun {
  id: number;
  accumulator: RunAccumulator;
  started: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  windowStart: number;
  messagesInWindow: number;
  messages: number;
  options: RunOptions;
  resolve: (result: RunResult | null) => void;
}

/**
 * Runs scenarios in the browser: compiles them in a worker that keeps TypeScript loaded, and
 * runs each in a fresh worker inside a sandboxed, network-less iframe. Every message from the
 * sandbox is checked (source, shape, size, rate) before it is believed. A new run cancels the
 * one before it; a run past its wall-clock budget is terminated.
 */
export class SandboxRunner {
  #frame: HTMLIFrameElement | undefined;
  #frameReady: Promise<void> | undefined;
  #compiler: Worker | undefined;
  #compiles = new Map<number, (outcome: CompileOutcome) => void>();
  #nextId = 1;
  #compilerLoaded = false;
  #workerSource: Promise<string> | undefined;
  #sourceSent = false;
  #prepared: Promise<void> | undefined;
  #ready = false;
  #active: ActiveRun | undefined;
  #generation = 0;
  readonly #onMessage = (event: MessageEvent): void => this.#receive(event);

  /** Whether a run can start at once: the sandbox frame and its run worker are loaded. */
  get ready(): boolean {
    return this.#ready;
  }

  /**
   * Gets what every run needs ready (the sandbox frame, the run worker's script in it), without
   * TypeScript: the page's own scenarios come compiled. No worker starts before a Run.
   */
  prepare(): Promise<void> {
    this.#prepared ??= Promise.all([this.#loadWorkerSource(), this.#ensureFrame()]).then(([workerSource]) => {
      this.#post({ type: 'prepare', workerSource });
      this.#sourceSent = true;
      this.#ready = true;
    });
    return this.#prepared;
  }

  /** Starts loading the compiler (TypeScript) now, for code the reader is editing. */
  prepareCompiler(): void {
    this.#compiler ??= this.#startCompiler();
  }

  /** Compiles a scenario in the compiler worker (TypeScript loads there once, on first use). */
  compile(source: string, fileName = 'scenario.ts'): Promise<CompileOutcome> {
    this.prepareCompiler();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#compiles.set(id, resolve);
      const request: CompileRequest = { id, source, fileName };
      this.#compiler!.postMessage(request);
    });
  }

  /** Compiles and runs a scenario; resolves with its result, or with `null` when a newer run cancelled it. */
  async run(request: RunRequest): Promise<RunResult | null> {
    const options: RunOptions = { ...DEFAULT_RUN_OPTIONS, ...testBudgets(), ...request.options };
    this.cancel();
    const generation = this.#generation;
    const id = this.#nextId++;
    const fileName = request.fileName ?? 'scenario.ts';
    const preparing = this.prepare(); // the frame loads while the compiler works
    const shipped = compiledFor(request.source, fileName);
    if (!shipped && !this.#compilerLoaded) request.onProgress?.('loading-compiler');
    const compiled: CompileOutcome = shipped
      ? { ok: true, scenario: shipped }
      : await this.compile(request.source, fileName);
    if (this.#generation !== generation) return null;
    if (!shipped && compiled.ok) rememberCompiled(request.source, fileName, compiled.scenario);
    const accumulator = new RunAccumulator(options.seed, options);
    if (!compiled.ok) {
      for (const error of compiled.errors) accumulator.addError(error);
      return accumulator.result({ wallMs: 0 });
    }
    if (!this.#ready) request.onProgress?.('loading-runner');
    const [workerSource] = await Promise.all([this.#loadWorkerSource(), preparing]);
    if (this.#generation !== generation) return null;
    request.onProgress?.('running');
    return new Promise<RunResult | null>((resolve) => {
      const run: ActiveRun = {
        id,
        accumulator,
        started: performance.now(),
        timer: undefined,
        windowStart: performance.now(),
        messagesInWindow: 0,
        messages: 0,
        options,
        resolve,
      };
      this.#active = run;
      run.timer = setTimeout(() => this.#crash(run, 'The run crashed: the sandbox did not start it.'), STARTUP_MS);
      const message: PageToSandbox = {
        type: 'start',
        runId: id,
        scenario: compiled.scenario,
        options,
        ...(this.#sourceSent ? {} : { workerSource }),
      };
      this.#post(message);
      this.#sourceSent = true;
    });
  }

  /** Stops the current run, if any; its promise resolves with `null`. */
  cancel(): void {
    this.#generation += 1;
    if (this.#active) this.#finish(this.#active, null);
  }

  /** Removes the frame and the workers. */
  dispose(): void {
    this.cancel();
    window.removeEventListener('message', this.#onMessage);
    this.#frame?.remove();
    this.#compiler?.terminate();
    this.#frame = undefined;
    this.#frameReady = undefined;
    this.#compiler = undefined;
    this.#sourceSent = false;
    this.#prepared = undefined;
    this.#ready = false;
  }

  #startCompiler(): Worker {
    const worker = new Worker(new URL('@spanlab/engine/browser/compile-worker', import.meta.url), {
      type: 'module',
      name: 'span-lab-compiler',
    });
    worker.onmessage = ({ data }: MessageEvent<CompileResponse>) => {
      this.#compilerLoaded = true;
      this.#compiles.get(data.id)?.(data.outcome);
      this.#compiles.delete(data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // A script that could not be fetched (offline, or a new deploy) has no message. Nothing ran:
      // a compile error (no line), and the next Run starts a new compiler.
      const why = event.message ? ` (${event.message})` : '';
      const message = `The compiler failed to load${why}. Check the connection, then Run again.`;
      for (const [id, resolve] of this.#compiles) {
        resolve({ ok: false, errors: [{ kind: 'compile', message }] });
        this.#compiles.delete(id);
      }
      this.#compiler = undefined;
    };
    return worker;
  }

  #loadWorkerSource(): Promise<string> {
    this.#workerSource ??= import('virtual:spanlab/run-worker').then((module) => module.default);
    return this.#workerSource;
  }

  #ensureFrame(): Promise<void> {
    if (this.#frameReady) return this.#frameReady;
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('title', 'Span Lab sandbox');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    frame.srcdoc = SANDBOX_SRCDOC;
    this.#frame = frame;
    this.#frameReady = new Promise((resolve) => {
      this.#resolveFrame = resolve;
    });
    window.addEventListener('message', this.#onMessage);
    document.body.append(frame);
    return this.#frameReady;
  }

  #resolveFrame: (() => void) | undefined;

  #post(message: PageToSandbox): void {
    // The frame's origin is opaque, so no target origin can name it; it receives only run data.
    this.#frame?.contentWindow?.postMessage(message, '*');
  }

  #receive(event: MessageEvent): void {
    if (!this.#frame || event.source !== this.#frame.contentWindow) return;
    const data = event.data as SandboxToPage | null;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'sandbox-ready') {
      this.#resolveFrame?.();
      return;
    }
    const run = this.#active;
    if (!run || (data as { runId?: unknown }).runId !== run.id) return;
    if (!this.#withinRate(run)) {
      this.#crash(run, 'The run was stopped: it sent the page more messages than it may.');
      return;
    }
    if (data.type === 'worker-error') {
      this.#crash(run, `The run crashed: ${String(data.message).slice(0, 500)}`);
      return;
    }
    if (data.type !== 'worker') return;
    const message = data.message;
    if (message.type === 'ready') {
      clearTimeout(run.timer);
      run.started = performance.now();
      run.timer = setTimeout(() => this.#wallClock(run), run.options.wallClockBudgetMs + TERMINATE_GRACE_MS);
    } else if (message.type === 'events') {
      if (typeof message.json !== 'string' || message.json.length > MAX_BATCH_CHARS) {
        this.#crash(run, 'The run was stopped: it sent the page a message larger than it may.');
        return;
      }
      const parsed = parseRunEvents(message.json);
      if (!parsed.ok) {
        this.#crash(run, `The run was stopped: ${parsed.reason}.`);
        return;
      }
      for (const runEvent of parsed.events) run.accumulator.add(runEvent);
    } else if (message.type === 'finished') {
      this.#finish(run, run.accumulator.result({ wallMs: performance.now() - run.started }));
    }
  }

  #withinRate(run: ActiveRun): boolean {
    const now = performance.now();
    if (now - run.windowStart > 1000) {
      run.windowStart = now;
      run.messagesInWindow = 0;
    }
    run.messagesInWindow += 1;
    run.messages += 1;
    return run.messagesInWindow <= MAX_MESSAGES_PER_SECOND && run.messages <= MAX_MESSAGES_PER_RUN;
  }

  #wallClock(run: ActiveRun): void {
    if (!run.accumulator.hasLimit('wall-clock')) {
      run.accumulator.addLimit({ limit: 'wall-clock', message: wallClockMessage(run.options.wallClockBudgetMs) });
    }
    this.#finish(run, run.accumulator.result({ wallMs: performance.now() - run.started }));
  }

  #crash(run: ActiveRun, message: string): void {
    run.accumulator.addError({ kind: 'crash', message });
    this.#finish(run, run.accumulator.result({ wallMs: performance.now() - run.started }));
  }

  #finish(run: ActiveRun, result: RunResult | null): void {
    if (this.#active !== run) return;
    clearTimeout(run.timer);
    this.#active = undefined;
    this.#post({ type: 'stop', runId: run.id });
    run.resolve(result);
  }
}

import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

/** Called when one of Monaco's workers cannot start. */
export type WorkerFailureListener = (error: unknown) => void;

const listeners = new Set<WorkerFailureListener>();

/**
 * Tells Monaco how to start its workers: Vite bundles them through `?worker` (in `astro dev` and
 * in a build alike), instead of Monaco's own `new URL(…, import.meta.url)`, which Vite's dependency
 * pre-bundling breaks in dev. A worker whose script fails to load is reported to the listeners.
 */
export function installMonacoEnvironment(): void {
  globalThis.MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      const worker =
        label === 'typescript' || label === 'javascript'
          ? new TypeScriptWorker({ name: label })
          : new EditorWorker({ name: label });
      worker.addEventListener('error', (event) => {
        // A script that fails to load gives a plain Event; an uncaught error inside, an ErrorEvent.
        if (!(event instanceof ErrorEvent)) {
          // Ours to handle: the editor falls back to the textarea. Monaco's own handler would
          // retry on the main thread and throw the Event uncaught.
          (event as Event).stopImmediatePropagation();
          for (const listener of listeners) listener(new Error(`Monaco's ${label} worker failed to load`));
        }
      });
      return worker;
    },
  };
}

/** Listens for workers that fail to load; returns the function that stops listening. */
export function onWorkerFailure(listener: WorkerFailureListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

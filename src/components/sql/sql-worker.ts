/// <reference lib="webworker" />
/**
 * The SQL worker: loads sql.js and its .wasm from our own origin, keeps the run's spans as a
 * database and answers queries. The page terminates it when a query runs past its time limit.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { type SqlWorkerResponse, SqlWorkerState } from '@spanlab/engine/sql';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const started = performance.now();
// No top-level await: Vite bundles workers as classic scripts.
void initSqlJs({ locateFile: () => wasmUrl }).then((sqlJs) => {
  const state = new SqlWorkerState(sqlJs);
  scope.onmessage = ({ data }: MessageEvent<unknown>) => {
    scope.postMessage(state.answer(data) satisfies SqlWorkerResponse);
  };
  scope.postMessage({ type: 'ready', loadMs: performance.now() - started } satisfies SqlWorkerResponse);
});

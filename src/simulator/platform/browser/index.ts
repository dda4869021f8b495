/** The browser host's surface for the page that runs scenarios: the checked message protocol of the sandbox and its workers. */
export type { CompileRequest, CompileResponse } from './compile-worker.ts';
export { parseRunEvents } from './validate-events.ts';
export { MAX_BATCH_CHARS, MAX_MESSAGES_PER_RUN, MAX_MESSAGES_PER_SECOND } from './worker-protocol.ts';
export type { PageToSandbox, SandboxToPage, WorkerToHost } from './worker-protocol.ts';

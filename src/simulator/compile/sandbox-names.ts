/** Names the compiled scenario and the sandbox agree on (kept apart from TypeScript, which the run worker never loads). */

/** The name of the guard the sandbox passes to the compiled scenario. */
export const LOOP_GUARD = '__spanlab_loop';

/** The name the sandbox gives the evaluated scenario code in stack traces. */
export const SANDBOX_URL = 'spanlab-scenario.js';

/** Characters the sandbox puts before the compiled code on its first line. */
// Async, so a scenario may use top-level `await`, as an ES module may.
export const SANDBOX_PREFIX = `(async function (require, exports, module, ${LOOP_GUARD}) {`;

/** The Node host's surface: run a scenario in a child process, and lint files as `span-lab lint` does. */
export { runScenario } from './run-in-node.ts';
export type { CompileSource } from './run-in-node.ts';
export { lintFiles } from './lint-command.ts';

/**
 * Preloaded by `npm run sim` (`node --import`), before the CLI's modules load: Node keeps the
 * compiled code of every module on disk (its module compile cache) and reuses it next time, in the
 * CLI and in the child process each run gets (run-in-node.ts passes the cache on).
 */
import module from 'node:module';

module.enableCompileCache();

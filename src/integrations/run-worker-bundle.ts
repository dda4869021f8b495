/**
 * A Vite plugin serving `virtual:spanlab/run-worker`: the browser run worker bundled by esbuild
 * into one self-contained script, exported as text. The playground hands that text to its
 * sandboxed iframe, which starts the worker from a blob: URL — the only way an opaque-origin
 * frame can start one, and the same in `astro dev` as in the build.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:spanlab/run-worker';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
// The engine's worker entry point, as a file esbuild can start from.
const ENTRY = createRequire(import.meta.url).resolve('@spanlab/engine/browser/run-worker');

/** The plugin; add it to Astro's `vite.plugins`. */
export function runWorkerBundle(): Plugin {
  return {
    name: 'spanlab-run-worker-bundle',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = await build({
        entryPoints: [ENTRY],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        metafile: true,
        legalComments: 'none',
        // fake-timers reaches for Node's util only when `process` exists, which it does not in a worker.
        external: ['util'],
      });
      // Rebuild in `astro dev` when the engine's own files change (not node_modules).
      for (const input of Object.keys(result.metafile.inputs)) {
        if (input.startsWith('src/')) this.addWatchFile(fileURLToPath(new URL(input, `file://${process.cwd()}/`)));
      }
      const code = result.outputFiles[0]?.text ?? '';
      return `export default ${JSON.stringify(code)};`;
    },
  };
}

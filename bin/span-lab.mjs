#!/usr/bin/env node
// Span Lab's CLI (`span-lab lint <file…>`, `span-lab <file> --format …`) needs Node ≥ 22.12. Under
// `npx` and npm scripts the `node` devDependency (Node 24) is first on the PATH and runs this file;
// started by an older Node, it hands over to that package's binary, or says what to install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
// The engine's entry points: the CLI, and the Node host whose `lintFiles` is `span-lab lint`.
const cli = require.resolve('@spanlab/engine/cli');
const node = require.resolve('@spanlab/engine/node');
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

if (major > 22 || (major === 22 && minor >= 12)) {
  // `lint` loads only what linting needs, not the whole CLI.
  if (process.argv[2] === 'lint') process.exit(await (await import(node)).lintFiles(process.argv.slice(3)));
  await import(cli);
} else {
  let nodeBinary;
  try {
    nodeBinary = require.resolve('node/bin/node');
  } catch {
    process.stderr.write(
      `span-lab needs Node 22.12 or later (this is ${process.version}); run \`npm install\` in Span Lab, which brings Node 24, then \`npx span-lab …\`.\n`,
    );
    process.exit(2);
  }
  const run = spawnSync(nodeBinary, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

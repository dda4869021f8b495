/**
 * `node run-scenarios-main.ts <id>…`: runs scenarios of src/content/scenarios in Node (each in its
 * own child process, as the CLI does) and prints `{ "<id>": RunResult }` as JSON. The site's build
 * calls it once for every scenario its quizzes draw (see `quiz-traces.ts`).
 */
import { runScenarioFile } from '../../../simulator/testing/trace-shape.ts';
import type { RunResult } from '../../../simulator/trace/model.ts';

const ids = process.argv.slice(2);
const results: Record<string, RunResult> = {};
for (const id of ids) {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`Not a scenario id: ${id}`);
  results[id] = await runScenarioFile(`${id}.ts`);
}
process.stdout.write(JSON.stringify(results));

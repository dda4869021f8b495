/** The linter's precision and recall on its corpus (src/simulator/checks/lint/corpus), errors and warnings. */
import { scoreCorpus } from '@spanlab/engine/testing';

/** Prints what the linter found in its corpus against the labels. */
export function printLintScore(): void {
  const score = scoreCorpus();
  const percent = (n: number): string => `${(n * 100).toFixed(1)}%`;
  console.log(`\nLinter on its corpus (${score.cases.length} traces, errors and warnings)\n`);
  console.log(`precision  ${percent(score.precision)}   (${score.falsePositives} false alarms)`);
  console.log(`recall     ${percent(score.recall)}   (${score.truePositives} found, ${score.falseNegatives} missed)`);
  for (const c of score.cases.filter((c) => c.missed.length > 0 || c.falseAlarms.length > 0)) {
    console.log(`  ${c.id}: missed ${c.missed.join(', ') || '—'}; false alarms ${c.falseAlarms.join(', ') || '—'}`);
  }
}

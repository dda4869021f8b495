/** The linter scored on its corpus: per rule, what fired against what should have (errors and warnings). */
import { readFileSync } from 'node:fs';
import { fromOtlpJson } from '../../../trace/otlp-import.ts';
import type { SpanRecord } from '../../../trace/model.ts';
import { lintTrace } from '../lint-trace.ts';
import type { RuleId } from '../all-rules.ts';
import { CORPUS } from './cases.ts';
import { buildTrace } from './trace-builder.ts';

/** Real files from other projects, labelled the same way (tests/fixtures/traces/README.md). */
const REAL_FILES: ReadonlyArray<{ file: string; fires: RuleId[] }> = [
  { file: 'otel-proto-trace.json', fires: [] },
  { file: 'jaeger-apiv3-GetTrace.json', fires: [] },
  // `reference-test` has span 2 as its CHILD_OF parent and a FOLLOWS_FROM reference to it too.
  { file: 'jaeger-ui_01.json', fires: ['link-to-ancestor'] },
  { file: 'collector-zipkin-sample3.json', fires: [] },
  { file: 'zipkin-lens-skew.json', fires: [] },
  { file: 'zipkin-lens-yelp.json', fires: [] },
  { file: 'file-exporter-lines.ndjson', fires: [] },
  { file: 'perses-tempo-v2-trace.json', fires: [] },
];

/** One case's outcome. */
export interface CaseScore {
  id: string;
  expected: RuleId[];
  fired: RuleId[];
  missed: RuleId[];
  falseAlarms: RuleId[];
}

/** The corpus's outcome: every case, and the totals. */
export interface CorpusScore {
  cases: CaseScore[];
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

function score(id: string, spans: SpanRecord[], expected: RuleId[]): CaseScore {
  const fired = [
    ...new Set(
      lintTrace(spans)
        .filter((f) => f.severity !== 'info')
        .map((f) => f.rule),
    ),
  ];
  return {
    id,
    expected,
    fired,
    missed: expected.filter((rule) => !fired.includes(rule)),
    falseAlarms: fired.filter((rule) => !expected.includes(rule)),
  };
}

/** Lints every corpus case and real file and counts hits, misses and false alarms by rule. */
export function scoreCorpus(): CorpusScore {
  const cases = CORPUS.map((c, i) => score(c.id, buildTrace(c.spans, i + 1), c.fires));
  const fixtures = new URL('../../../../../tests/fixtures/traces/', import.meta.url);
  for (const { file, fires } of REAL_FILES) {
    const read = fromOtlpJson(readFileSync(new URL(file, fixtures), 'utf8'));
    if (!read.ok) throw new Error(`${file}: ${read.error}`);
    cases.push(score(file, read.spans, fires));
  }
  const truePositives = cases.reduce((n, c) => n + c.expected.length - c.missed.length, 0);
  const falseNegatives = cases.reduce((n, c) => n + c.missed.length, 0);
  const falsePositives = cases.reduce((n, c) => n + c.falseAlarms.length, 0);
  return {
    cases,
    truePositives,
    falseNegatives,
    falsePositives,
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
  };
}

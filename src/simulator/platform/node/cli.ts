/**
 * `npm run sim -- <file.ts|trace.json> [--format otlp|waterfall|graph|summary|checks] [--seed N]`
 * Runs a scenario (or reads an OTLP JSON trace) and prints it; see the CLI contract in DESIGN.md.
 * The checks are the linter's findings and the expectations of the file's sibling `.yaml`, if any.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { evaluateExpectations } from '../../checks/evaluate-expectations.ts';
import type { Expectation, ExpectationVerdict } from '../../checks/expectation-schema.ts';
import { lintTrace } from '../../checks/lint/lint-trace.ts';
import type { Finding } from '../../checks/lint/rule.ts';
import { parseScenarioMeta } from '../../checks/scenario-meta.ts';
import type { RunResult } from '../../trace/model.ts';
import { toOtlpJsonText } from '../../trace/otlp-export.ts';
import { fromOtlpJson } from '../../trace/otlp-import.ts';
import { toLinkGraph } from '../../views/link-graph.ts';
import { toSummary } from '../../views/summary.ts';
import { toWaterfall } from '../../views/waterfall.ts';
import { runScenario } from './run-in-node.ts';

const FORMATS = ['otlp', 'waterfall', 'graph', 'summary', 'checks'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: npm run sim -- <file.ts|trace.json> [--format ${FORMATS.join('|')}] [--seed N]`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parse(): { file: string; format: Format; seed: number } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'otlp' },
        seed: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) fail(USAGE);
  const format = parsed.values.format as Format;
  if (!FORMATS.includes(format)) fail(`unknown format '${format}': use one of ${FORMATS.join(', ')}`);
  const seed = Number(parsed.values.seed);
  if (!Number.isSafeInteger(seed)) fail(`--seed takes a whole number, not '${parsed.values.seed}'`);
  return { file, format, seed };
}

async function load(file: string, seed: number): Promise<RunResult> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (file.endsWith('.json') || file.endsWith('.jsonl')) {
    const imported = fromOtlpJson(text);
    if (!imported.ok) {
      const where = imported.position ? `${imported.position.line}:${imported.position.column}: ` : '';
      fail(`${file}:${where}${imported.error}`, 1);
    }
    for (const warning of imported.warnings) process.stderr.write(`${file}: warning: ${warning}\n`);
    return {
      spans: imported.spans,
      console: [],
      errors: [],
      limits: [],
      stats: {
        virtualMs: 0,
        wallMs: 0,
        spansStarted: imported.spans.length,
        spansKept: imported.spans.length,
        spansDropped: 0,
        consoleDropped: 0,
      },
      seed,
    };
  }
  return runScenario(text, { seed, fileName: basename(file) });
}

/** The expectations of the metadata beside the file (`x.ts` → `x.yaml`), or none when it has no such file. */
function loadExpectations(file: string): Expectation[] {
  const metaFile = file.replace(/\.(ts|json|jsonl)$/, '.yaml');
  if (metaFile === file || !existsSync(metaFile)) return [];
  let data: unknown;
  try {
    data = parseYaml(readFileSync(metaFile, 'utf8'));
  } catch (error) {
    fail(`${metaFile}: ${(error as Error).message}`, 1);
  }
  const parsed = parseScenarioMeta(data);
  if (!parsed.ok) fail(`${metaFile}: invalid metadata:\n${parsed.error}`, 1);
  return parsed.meta.expectations;
}

function checksJson(findings: readonly Finding[], expectations: readonly ExpectationVerdict[]): string {
  const plain = findings.map(({ rule, severity, message, spans }) => ({ rule, severity, message, spans }));
  return JSON.stringify({ findings: plain, expectations }, null, 2);
}

function render(result: RunResult, format: Format, file: string): string {
  switch (format) {
    case 'otlp': {
      const { text, skippedUnended } = toOtlpJsonText(result.spans);
      for (const span of skippedUnended) {
        process.stderr.write(
          `${file}: warning: span ${JSON.stringify(span.name)} (${span.spanId}) never ended and is not in the OTLP output\n`,
        );
      }
      return text;
    }
    case 'waterfall':
      return toWaterfall(result.spans);
    case 'graph':
      return toLinkGraph(result.spans);
    case 'summary':
    case 'checks': {
      const findings = lintTrace(result.spans);
      const verdicts = evaluateExpectations(result.spans, loadExpectations(file));
      return format === 'checks'
        ? checksJson(findings, verdicts)
        : toSummary(result, basename(file), { findings, expectations: verdicts });
    }
  }
}

const { file, format, seed } = parse();
const result = await load(file, seed);
process.stdout.write(`${render(result, format, file)}\n`);

for (const error of result.errors) {
  const where = error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : '';
  process.stderr.write(`${file}${where} ${error.message}\n`);
}
for (const hit of result.limits) process.stderr.write(`${file}: limit ${hit.limit}: ${hit.message}\n`);
process.exitCode = result.errors.length > 0 || result.limits.length > 0 ? 1 : 0;

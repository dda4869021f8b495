/**
 * `npm run sim -- <file.ts|trace.json> [--format otlp|waterfall|graph|summary|checks] [--seed N] [--sql QUERY]
 *  [--context async|stack] [--sampler always|never|ratio:P|parent-ratio:P]`
 * Runs a scenario (or reads a trace file, told apart by its content) and prints it; see the README's "Run a scenario from the terminal".
 * `span-lab lint <file…> [--fail-on error|warning]`: the linter for CI (lint-command.ts).
 * `--sql` prints the rows of a query over its spans (tables: src/simulator/sql/span-tables.ts) as JSON.
 * The checks are the linter's findings and the expectations of the file's sibling `.yaml`, if any.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { parse as parseYaml } from 'yaml';
import { evaluateExpectations } from '../../checks/evaluate-expectations.ts';
import type { Expectation, ExpectationVerdict } from '../../checks/expectation-schema.ts';
import { lintTrace } from '../../checks/lint/lint-trace.ts';
import type { Finding } from '../../checks/lint/rule.ts';
import { parseSidecar } from '../../checks/sidecar.ts';
import type { SqlOutcome } from '../../sql/SpanDatabase.ts';
import { SQL_MAX_ROWS } from '../../sql/SpanDatabase.ts';
import { SQL_TIME_LIMIT_MS, type SqlWorkerResponse } from '../../sql/sql-worker-protocol.ts';
import type { RunResult, SpanRecord } from '../../trace/model.ts';
import { toOtlpJsonText } from '../../trace/otlp-export.ts';
import { TRACE_FORMAT_NAMES, type TraceFileFormat } from '../../trace/otlp-import.ts';
import { toLinkGraph } from '../../views/link-graph.ts';
import { toSummary } from '../../views/summary.ts';
import { toWaterfall } from '../../views/waterfall.ts';
import { CONTEXT_MODES, type ContextMode } from '../../runtime/SandboxContextManager.ts';
import { parseSamplerSpec, type SamplerSpec } from '../../runtime/sampler-spec.ts';
import { readInputFile, type RunSettings } from './input-file.ts';
import { lintFiles } from './lint-command.ts';

const FORMATS = ['otlp', 'waterfall', 'graph', 'summary', 'checks'] as const;
type Format = (typeof FORMATS)[number];

// `npm run sim --` and `npx span-lab` (the bin) start the same CLI.
const USAGE = [
  `usage: npm run sim -- <file.ts|trace.json> [--format ${FORMATS.join('|')}] [--seed N] [--sql QUERY] [--context ${CONTEXT_MODES.join('|')}] [--sampler always|never|ratio:P|parent-ratio:P]`,
  '       (or npx span-lab <file.ts|trace.json> [options])',
  `       npx span-lab lint <file…> [--fail-on error|warning] [--json]: lint trace files or code, for CI`,
].join('\n');

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parse(): { file: string; format: Format; settings: RunSettings; sql: string | undefined } {
  let parsed;
  // A query often starts with a `--` comment, which parseArgs would take for an option.
  const args = process.argv.slice(2);
  const at = args.indexOf('--sql');
  if (at !== -1 && at + 1 < args.length) args.splice(at, 2, `--sql=${args[at + 1]!}`);
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'otlp' },
        seed: { type: 'string', default: '1' },
        sql: { type: 'string' },
        context: { type: 'string', default: 'async' },
        sampler: { type: 'string' },
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
  const context = parsed.values.context as ContextMode;
  if (!CONTEXT_MODES.includes(context)) {
    fail(
      `--context '${parsed.values.context}': use async (AsyncLocalStorage, the default) or stack (the web SDK's StackContextManager)`,
    );
  }
  let sampler: SamplerSpec | undefined;
  if (parsed.values.sampler !== undefined) {
    const spec = parseSamplerSpec(parsed.values.sampler);
    if (!spec.ok) fail(`--sampler ${spec.message}`);
    sampler = spec.spec;
  }
  return { file, format, settings: { seed, context, sampler }, sql: parsed.values.sql };
}

/** Formats worth naming on stderr: those that are not plain OTLP. */
const NAMED_FORMATS: ReadonlySet<TraceFileFormat> = new Set(['tempo', 'jaeger-json', 'zipkin-v2']);

/** The run, or the spans read from a trace file with the name of its format. */
async function load(file: string, settings: RunSettings): Promise<{ result: RunResult; readAs?: string }> {
  const input = await readInputFile(file, settings);
  if (!input.ok) fail(input.error, input.exitCode);
  if (input.format && NAMED_FORMATS.has(input.format))
    process.stderr.write(`${file}: read as ${TRACE_FORMAT_NAMES[input.format]}\n`);
  for (const warning of input.warnings) process.stderr.write(`${file}: warning: ${warning}\n`);
  return input.format ? { result: input.result, readAs: TRACE_FORMAT_NAMES[input.format] } : { result: input.result };
}

/** The expectations of the sidecar beside the file (`x.ts` → `x.yaml`), or none when it has no such file or they are not given. */
function loadExpectations(file: string): Expectation[] {
  const metaFile = file.replace(/\.(ts|json|jsonl|ndjson)$/, '.yaml');
  if (metaFile === file || !existsSync(metaFile)) return [];
  let data: unknown;
  try {
    data = parseYaml(readFileSync(metaFile, 'utf8'));
  } catch (error) {
    fail(`${metaFile}: ${(error as Error).message}`, 1);
  }
  const parsed = parseSidecar(data);
  if (!parsed.ok) fail(`${metaFile}: invalid metadata:\n${parsed.error}`, 1);
  return parsed.expectations;
}

function checksJson(findings: readonly Finding[], expectations: readonly ExpectationVerdict[]): string {
  const plain = findings.map(({ rule, severity, message, spans }) => ({ rule, severity, message, spans }));
  const verdicts = expectations.map(({ description, passed, message }) => ({ description, passed, message }));
  return JSON.stringify({ findings: plain, expectations: verdicts }, null, 2);
}

function render(result: RunResult, format: Format, file: string, readAs: string | undefined): string {
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
      return toWaterfall(result.spans, { unsampled: result.unsampledSpans ?? [] });
    case 'graph':
      return toLinkGraph(result.spans, { unsampled: result.unsampledSpans ?? [] });
    case 'summary':
    case 'checks': {
      const findings = lintTrace(result.spans);
      const verdicts = evaluateExpectations(result.spans, loadExpectations(file), result.unsampledSpans);
      return format === 'checks'
        ? checksJson(findings, verdicts)
        : toSummary(result, basename(file), { findings, expectations: verdicts }, readAs);
    }
  }
}

// The SQL worker: sql.js and the engine's SQL module, loaded by URL (a worker from a string has no module of its own).
const SQL_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
Promise.all([import(workerData.sqlJs), import(workerData.engine)]).then(async ([sqlJs, engine]) => {
  const started = performance.now();
  const state = new engine.SqlWorkerState(await sqlJs.default());
  parentPort.on('message', (request) => parentPort.postMessage(state.answer(request)));
  parentPort.postMessage({ type: 'ready', loadMs: performance.now() - started });
});`;

/** The outcome of a query over the spans, run in a worker stopped after SQL_TIME_LIMIT_MS of querying. */
function querySpans(spans: SpanRecord[], sql: string): Promise<SqlOutcome> {
  const worker = new Worker(SQL_WORKER, {
    eval: true,
    workerData: {
      sqlJs: import.meta.resolve('sql.js'),
      engine: new URL('../../sql/sql-worker-protocol.ts', import.meta.url).href,
    },
  });
  let timer: NodeJS.Timeout | undefined;
  return new Promise<SqlOutcome>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (response: SqlWorkerResponse) => {
      if (response.type === 'ready') worker.postMessage({ type: 'load', spans });
      else if (response.type === 'loaded') {
        timer = setTimeout(() => {
          resolve({ ok: false, error: `The query ran past ${SQL_TIME_LIMIT_MS / 1000} s and was stopped.` });
        }, SQL_TIME_LIMIT_MS);
        worker.postMessage({ type: 'query', sql });
      } else resolve(response.outcome);
    });
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}

async function printQuery(spans: SpanRecord[], sql: string): Promise<void> {
  const outcome = await querySpans(spans, sql);
  if (!outcome.ok) {
    const where = outcome.position ? `:${outcome.position.line}:${outcome.position.column}` : '';
    fail(`sql${where}: ${outcome.error}`, 1);
  }
  const rows = outcome.rows.map((row) => Object.fromEntries(outcome.columns.map((column, i) => [column, row[i]])));
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  if (outcome.truncated) process.stderr.write(`sql: warning: only the first ${SQL_MAX_ROWS} rows are printed\n`);
}

if (process.argv[2] === 'lint') process.exit(await lintFiles(process.argv.slice(3)));

const { file, format, settings, sql } = parse();
const { result, readAs } = await load(file, settings);
if (sql === undefined) process.stdout.write(`${render(result, format, file, readAs)}\n`);
else await printQuery(result.spans, sql);

for (const error of result.errors) {
  const where = error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : '';
  process.stderr.write(`${file}${where} ${error.message}\n`);
}
for (const hit of result.limits) process.stderr.write(`${file}: limit ${hit.limit}: ${hit.message}\n`);
process.exitCode = result.errors.length > 0 || result.limits.length > 0 ? 1 : 0;

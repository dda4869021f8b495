/**
 * `span-lab lint <file…> [--fail-on error|warning] [--json]`: lints trace files (OTLP JSON or JSON
 * Lines, Tempo, Jaeger, Zipkin) and scenario code, for CI. Prints each finding as
 * `file: severity rule: message`; the exit code is 1 when a finding reaches `--fail-on` (error by
 * default), 2 when a file cannot be read or run or the arguments are wrong, else 0.
 */
import { parseArgs } from 'node:util';
import { lintTrace } from '../../checks/lint/lint-trace.ts';
import type { Finding, Severity } from '../../checks/lint/rule.ts';
import { TRACE_FORMAT_NAMES } from '../../trace/otlp-import.ts';
import { readInputFile } from './input-file.ts';

const USAGE = 'usage: span-lab lint <file…> [--fail-on error|warning] [--json]';
const FAIL_ON = ['error', 'warning'] as const;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What one file gave the linter. */
interface FileReport {
  file: string;
  /** The format read, or `code` for a scenario that was run. */
  read: string;
  spans: number;
  findings: Array<Pick<Finding, 'rule' | 'severity' | 'message' | 'spans'>>;
  warnings: string[];
  error?: string;
}

/** Runs the lint command on its arguments (after `lint`), prints, and returns the exit code. */
export async function lintFiles(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'fail-on': { type: 'string', default: 'error' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const failOn = parsed.values['fail-on'] as (typeof FAIL_ON)[number];
  if (!FAIL_ON.includes(failOn)) {
    process.stderr.write(`--fail-on takes error or warning, not '${failOn}'\n${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const reports: FileReport[] = [];
  for (const file of parsed.positionals) reports.push(await lintOne(file));
  if (parsed.values.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else for (const report of reports) printReport(report);
  if (reports.some((report) => report.error !== undefined)) return 2;
  const failing = reports.some((report) => report.findings.some((f) => RANK[f.severity] <= RANK[failOn]));
  return failing ? 1 : 0;
}

async function lintOne(file: string): Promise<FileReport> {
  const input = await readInputFile(file, { seed: 1, context: 'async' });
  if (!input.ok) return { file, read: 'nothing', spans: 0, findings: [], warnings: [], error: input.error };
  const { result } = input;
  const problems = [...result.errors.map((e) => e.message), ...result.limits.map((hit) => hit.message)];
  const findings = lintTrace(result.spans).map(({ rule, severity, message, spans }) => ({
    rule,
    severity,
    message,
    spans,
  }));
  return {
    file,
    read: input.format ? TRACE_FORMAT_NAMES[input.format] : 'code (run with seed 1)',
    spans: result.spans.length,
    findings,
    warnings: input.warnings,
    ...(problems.length > 0 ? { error: `${file}: the run failed: ${problems.join('; ')}` } : {}),
  };
}

function printReport(report: FileReport): void {
  if (report.error !== undefined) {
    process.stderr.write(`${report.error}\n`);
    if (report.spans === 0) return;
  }
  for (const warning of report.warnings) process.stderr.write(`${report.file}: warning: ${warning}\n`);
  for (const finding of report.findings) {
    process.stdout.write(`${report.file}: ${finding.severity} ${finding.rule}: ${finding.message}\n`);
  }
  const counts = (['error', 'warning', 'info'] as const)
    .map((severity) => [severity, report.findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}${n === 1 ? '' : 's'}`);
  const summary = counts.length === 0 ? 'no findings' : counts.join(', ');
  const spans = `${report.spans} ${report.spans === 1 ? 'span' : 'spans'}`;
  process.stdout.write(`${report.file}: ${spans} read as ${report.read}: ${summary}\n`);
}

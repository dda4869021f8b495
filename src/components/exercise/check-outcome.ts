/** What a Check found, as a list of verdicts and one sentence: plain data, drawn by check-report.ts. */
import { joinWords, restatedBy, type ExpectationVerdict, type Finding, type RunResult } from '@spanlab/engine';
import { describeErrors, describeLimit } from '../playground/run-messages.ts';

/** How one verdict came out; each is shown with an icon and a word, never by colour alone. */
export type CheckStatus = 'pass' | 'fail' | 'warning' | 'info';

/** One line of the report. */
export interface CheckItem {
  status: CheckStatus;
  /** What was checked: an expectation, a lint rule, or how the run ended. Backticks mark code. */
  title: string;
  /** What was found instead (empty when it passed). Backticks mark code. */
  detail: string;
  /** Where else the same fault is reported (the linter's rules that say it too), so it reads as one. */
  also?: string;
}

/** The whole report of a Check. */
export interface CheckOutcome {
  /** Every expectation passed, the run ended cleanly and the linter found no error. */
  passed: boolean;
  items: CheckItem[];
  /** One sentence for the live region. */
  summary: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The pointer under a failing check to the linter's rules that report its fault too. */
function alsoSaid(rules: readonly string[]): string {
  const list = joinWords(rules.map((rule) => `\`${rule}\``));
  return `The linter's ${list} ${rules.length === 1 ? 'says' : 'say'} this too; the Problems tab says why and how to fix it.`;
}

/** The report of a run of the reader's code, from its expectations' verdicts and the linter's findings. */
export function checkOutcome(
  result: RunResult,
  verdicts: readonly ExpectationVerdict[],
  findings: readonly Finding[],
): CheckOutcome {
  const items: CheckItem[] = [];
  if (result.errors.length > 0)
    items.push({ status: 'fail', title: 'The run ended without an error', detail: describeErrors(result.errors) });
  for (const hit of result.limits)
    items.push({ status: 'fail', title: 'The run stayed within its limits', detail: describeLimit(hit) });
  // A finding that says again what a failing check says is named under that check, not listed again.
  const restated = verdicts.map((): string[] => []);
  const own = findings.filter((finding) => {
    const at = restatedBy(finding, verdicts);
    if (at >= 0 && !restated[at]?.includes(finding.rule)) restated[at]?.push(finding.rule);
    return at < 0;
  });
  for (const [i, verdict] of verdicts.entries()) {
    const item: CheckItem = {
      status: verdict.passed ? 'pass' : 'fail',
      title: verdict.description,
      detail: verdict.message,
    };
    const rules = restated[i] ?? [];
    if (rules.length > 0) item.also = alsoSaid(rules);
    items.push(item);
  }
  for (const finding of own) {
    items.push({
      status: finding.severity === 'error' ? 'fail' : finding.severity,
      title: `Linter: ${finding.rule}`,
      detail: finding.message,
    });
  }
  const expectationsPassed = verdicts.filter((v) => v.passed).length;
  // Counted as listed: a finding named under a failing check is that check's fault, not one more.
  const lintErrors = own.filter((f) => f.severity === 'error').length;
  const runFailed = result.errors.length > 0 || result.limits.length > 0;
  const passed = expectationsPassed === verdicts.length && lintErrors === 0 && !runFailed;
  const warnings = own.length - lintErrors;
  let summary: string;
  if (passed) {
    const notes =
      warnings > 0 ? `; ${plural(warnings, 'linter note')} below ${warnings === 1 ? 'is' : 'are'} worth a look` : '';
    summary = `Passed: all ${plural(verdicts.length, 'check')} pass and the linter finds no error${notes}.`;
  } else {
    const parts = [`${expectationsPassed} of ${plural(verdicts.length, 'check')} pass`];
    if (lintErrors > 0) parts.push(`the linter reports ${plural(lintErrors, 'error')}`);
    if (runFailed) parts.push('the run did not end cleanly');
    summary = `Not yet: ${parts.join('; ')}.`;
  }
  return { passed, items, summary };
}

/** The report when the code did not compile: nothing ran, nothing was checked. */
export function compileOutcome(result: RunResult): CheckOutcome {
  const detail = describeErrors(result.errors);
  return {
    passed: false,
    items: [{ status: 'fail', title: 'The code compiles', detail }],
    summary: `Not checked: the code does not compile (${detail}).`,
  };
}

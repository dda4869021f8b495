/** The link-vs-parent linter: every rule over a run's spans (or an imported trace), as findings. */
import type { SpanRecord } from '../../trace/model.ts';
import { TraceIndex } from '../TraceIndex.ts';
import { LINT_RULES } from './all-rules.ts';
import type { Finding, LintRule, RuleDocsUrl, Severity } from './rule.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What to lint with: the rules (all of them by default) and where the host documents each. */
export interface LintOptions {
  rules?: readonly LintRule[];
  /** Gives each finding a `docs` link; without it, findings carry none. */
  docsUrl?: RuleDocsUrl;
}

/** The findings of the rules: errors first, then warnings, then info. */
export function lintTrace(spans: readonly SpanRecord[], options: LintOptions = {}): Finding[] {
  const { rules = LINT_RULES, docsUrl } = options;
  const index = new TraceIndex(spans);
  const findings = rules.flatMap((rule) =>
    rule.check(index).map((hit): Finding => {
      const finding: Finding = {
        rule: rule.id,
        severity: rule.severity,
        message: hit.message,
        spans: [...new Set(hit.spans.map((span) => span.spanId))],
      };
      if (docsUrl) finding.docs = docsUrl(rule.id);
      return finding;
    }),
  );
  // Array.prototype.sort is stable: within a severity, rule order, then span order.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

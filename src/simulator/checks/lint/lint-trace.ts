/** The link-vs-parent linter: every rule over a run's spans (or an imported trace), as findings. */
import type { SpanRecord } from '../../trace/model.ts';
import { TraceIndex } from '../TraceIndex.ts';
import { LINT_RULES } from './all-rules.ts';
import type { Finding, LintRule, Severity } from './rule.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings of the given rules (all of them by default): errors first, then warnings, then info. */
export function lintTrace(spans: readonly SpanRecord[], rules: readonly LintRule[] = LINT_RULES): Finding[] {
  const index = new TraceIndex(spans);
  const findings = rules.flatMap((rule) =>
    rule.check(index).map((hit): Finding => ({
      rule: rule.id,
      severity: rule.severity,
      message: hit.message,
      spans: [...new Set(hit.spans.map((span) => span.spanId))],
      lesson: rule.lesson,
    })),
  );
  // Array.prototype.sort is stable: within a severity, rule order, then span order.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

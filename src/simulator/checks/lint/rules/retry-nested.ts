import { defineRule, type RuleHit } from '../rule.ts';
import {
  attemptNumber,
  failed,
  failedBefore,
  httpStatus,
  nameShape,
  requestFailed,
  resendCount,
} from '../span-facts.ts';
import type { TraceIndex } from '../../TraceIndex.ts';
import type { SpanRecord } from '../../../trace/model.ts';

/**
 * A retry attempt nested under the attempt that failed before it: the child is another attempt
 * (same name up to numbers, or a higher retry attribute) and its parent had already failed (an
 * exception recorded before, or a failed call of its own) when it started. A parent that fails
 * only after its child (an error passed up a recursion) is not flagged. An HTTP client's resend
 * (`http.request.resend_count`) nested under the request before it, which failed, is one too: a
 * resend is made only once the response (a 503, say) has come back.
 */
export const retryNested = defineRule({
  id: 'retry-nested',
  severity: 'error',
  summary: 'a retry attempt nested as the child of the attempt that failed before it',
  check(index) {
    const hits: RuleHit[] = [];
    for (const span of index.spans) {
      const parent = index.parent(span);
      const resend = parent && nestedResend(index, span, parent);
      if (resend) {
        hits.push(resend);
        continue;
      }
      if (!parent || !failed(parent) || !failedBefore(index, parent, span)) continue;
      const attempt = attemptNumber(span);
      const parentAttempt = attemptNumber(parent);
      const sameOperation = nameShape(span.name) === nameShape(parent.name) && span.kind === parent.kind;
      const laterAttempt = attempt !== undefined && parentAttempt !== undefined && attempt > parentAttempt;
      if (!sameOperation && !laterAttempt) continue;
      const numbered = attempt !== undefined && parentAttempt !== undefined;
      const child = numbered ? `${index.label(span)} attempt ${attempt}` : index.distinctLabel(span);
      const failedOne = numbered ? `${index.label(parent)} attempt ${parentAttempt}` : index.label(parent, true);
      hits.push({
        message: `${child} is nested under the attempt that failed before it (${failedOne}): start each attempt on its own — a new trace, or a sibling under the caller — and link it to the first`,
        spans: [span, parent],
      });
    }
    return hits;
  },
});

/** An HTTP resend nested under the earlier request of the same client, which failed. */
function nestedResend(index: TraceIndex, span: SpanRecord, parent: SpanRecord): RuleHit | undefined {
  const resend = resendCount(span);
  if (resend === undefined || resend < 1 || parent.kind !== 'client') return undefined;
  if ((resendCount(parent) ?? 0) >= resend || !requestFailed(parent)) return undefined;
  const status = httpStatus(parent);
  const got = status === undefined ? 'failed' : `got ${status}`;
  return {
    message: `${index.distinctLabel(span)} (resend ${resend}) is nested under the request before it, which ${got} (${index.label(parent, true)}): make each resend a sibling under the caller, as the HTTP conventions' retry examples do`,
    spans: [span, parent],
  };
}

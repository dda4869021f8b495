import { describe, expect, it } from 'vitest';
import { makeSpan } from '../trace/otlp-test-spans.ts';
import { evaluateExpectations } from './evaluate-expectations.ts';
import { lintTrace } from './lint/lint-trace.ts';
import { restatedBy } from './restated-faults.ts';

// A job with a child never ended, which also outlives the job.
const job = makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', name: 'export-orders', end: 1010, start: 1000 });
const upload = makeSpan({
  spanId: 'bbbbbbbbbbbbbbbb',
  parentSpanId: job.spanId,
  name: 'upload-file',
  start: 1001,
  end: null,
});
const findings = lintTrace([job, upload]);
const finding = (rule: string) => findings.find((f) => f.rule === rule)!;

describe('restatedBy', () => {
  it('finds the first failing check that reports the fault a finding names, on its span', () => {
    expect(finding('span-not-ended')).toBeDefined();
    const verdicts = evaluateExpectations(
      [job, upload],
      [
        { span: 'export-orders', root: true },
        { span: 'upload-file', parent: 'export-orders' },
        { span: '*', ended: true },
      ],
    );
    expect(verdicts.map((v) => v.passed)).toEqual([true, true, false]);
    expect(restatedBy(finding('span-not-ended'), verdicts)).toBe(2);
  });

  it('leaves a finding no check reports: another fault, another span, or a check that passed', () => {
    const otherFault = evaluateExpectations([job, upload], [{ span: 'upload-file', kind: 'client' }]);
    expect(otherFault[0]?.passed).toBe(false);
    expect(restatedBy(finding('span-not-ended'), otherFault)).toBe(-1);
    const otherSpan = evaluateExpectations([job, upload], [{ span: 'export-orders', ended: false }]);
    expect(otherSpan[0]?.passed).toBe(false);
    expect(restatedBy(finding('span-not-ended'), otherSpan)).toBe(-1);
    expect(
      restatedBy(finding('span-not-ended'), evaluateExpectations([job, upload], [{ span: 'export-orders' }])),
    ).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { ruleDocsPath } from '../../course/rule-docs.ts';
import { lintTrace } from '@spanlab/engine';
import { runScenario } from '@spanlab/engine/node';
import {
  compileFailed,
  describeErrors,
  describeRun,
  linkWrittenLessons,
  openedStatus,
  runProblems,
  runStatus,
} from './run-messages.ts';

const API = "import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('t');\n";

describe('run messages, on real runs', () => {
  it('puts a thrown error at its line, in the problems and in words', async () => {
    const result = await runScenario(`${API}tracer.startSpan('a').end();\nthrow new Error('boom');\n`);
    expect(compileFailed(result)).toBe(false);
    expect(runProblems(result)).toEqual([expect.objectContaining({ line: 4, severity: 'error' })]);
    expect(describeErrors(result.errors)).toMatch(/^line 4:\d+: .*boom/);
    expect(describeRun(result, 12.4, 0)).toMatch(
      /^Ran in 12 ms: 1 span in 1 trace, 0 ms of virtual time\. Error: line 4:/,
    );
  });

  it('says nothing ran when the code does not compile', async () => {
    const result = await runScenario(`${API}const x: number = ;\n`);
    expect(compileFailed(result)).toBe(true);
    expect(runProblems(result)[0]?.line).toBe(3);
  });

  it('links a finding to the rule reference only when that page is written', async () => {
    const result = await runScenario(`${API}tracer.startSpan('never-ended');\n`);
    const findings = lintTrace(result.spans, { docsUrl: ruleDocsPath });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.docs).toBe('/reference/lint-rules/#span-not-ended');
    expect(linkWrittenLessons(findings, ['/reference/lint-rules/'])[0]?.lesson).toBe(findings[0]!.docs);
    expect(linkWrittenLessons(findings, ['/lessons/best-practices/'])[0]?.lesson).toBeUndefined();
    expect(linkWrittenLessons(findings, [])[0]?.lesson).toBeUndefined();
    expect(linkWrittenLessons(lintTrace(result.spans), ['/reference/lint-rules/'])[0]?.lesson).toBeUndefined();
    expect(describeRun(result, 3, findings.length)).toMatch(/The linter has \d+ findings?: see Problems\.$/);
  });

  it('says how many spans the sampler dropped', async () => {
    const result = await runScenario(`${API}tracer.startSpan('a').end();\ntracer.startSpan('b').end();\n`, {
      sampler: 'never',
    });
    expect(describeRun(result, 5, 0)).toBe(
      'Ran in 5 ms: 0 spans in 0 traces, 0 ms of virtual time. The sampler dropped 2 spans of 2 (not exported).',
    );
    // On screen the views' summary says the counts and the sampler's drops: the status shows only the rest.
    const shown = runStatus(result, 5, 0).filter((part) => part.shown);
    expect(shown.map((part) => part.text).join('')).toBe('Ran in 5 ms.');
  });

  it('says an opened file once: its name and warnings shown, its counts and format heard', () => {
    const parts = openedStatus('capture.json', 27, 'Jaeger JSON', ['Left out 1 span with an invalid id.']);
    expect(parts.map((part) => part.text).join('')).toBe(
      'Opened capture.json: 27 spans. Read as Jaeger JSON. Left out 1 span with an invalid id.',
    );
    expect(
      parts
        .filter((part) => part.shown)
        .map((part) => part.text)
        .join(''),
    ).toBe('Opened capture.json. Left out 1 span with an invalid id.');
  });
});

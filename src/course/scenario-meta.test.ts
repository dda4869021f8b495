import { describe, expect, it } from 'vitest';
import { expectationSchema, formatIssues } from '@spanlab/engine';
import { parseScenarioMeta, scenarioMetaSchema } from './scenario-meta.ts';

const valid = {
  title: 'Batch consumer with links',
  summary: 'The batch starts its own trace and links to each producer.',
  lesson: 'span-links',
  pattern: 'batch-consumer',
  practice: 'good',
  expectations: [
    { span: 'process-message-batch', root: true, links: { count: 3, attributes: ['messaging.message.id'] } },
    { span: { name: 'charge-attempt', where: { 'retry.attempt': 2 } }, parent: 'charge' },
  ],
};

describe('scenario metadata', () => {
  it('accepts a valid sample', () => {
    expect(parseScenarioMeta(valid)).toEqual({ ok: true, meta: valid });
    expect(parseScenarioMeta({ ...valid, context: 'stack', sampler: 'parent-ratio:0.25' })).toEqual({
      ok: true,
      meta: { ...valid, context: 'stack', sampler: 'parent-ratio:0.25' },
    });
  });

  it('says what is wrong with a sampler', () => {
    expect(parseScenarioMeta({ ...valid, sampler: 'most' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^sampler: "most" is not a sampler: use always, never, ratio:P/) as unknown,
    });
  });

  it('rejects an invalid sample with paths a reader can follow', () => {
    const invalid = {
      ...valid,
      lesson: 'links',
      expectations: [
        { span: 'batch', links: { count: 'three' } },
        { span: 'batch', root: true, parent: 'x', colour: 'red' },
      ],
    };
    const parsed = parseScenarioMeta(invalid);
    expect(parsed.ok).toBe(false);
    const lines = parsed.ok ? [] : parsed.error.split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^lesson: Invalid option: expected one of "understanding-span-relationships"\|/),
      'expectations.0.links.count: Invalid input: expected number, received string',
      'expectations.1: Unrecognized key: "colour"',
      'expectations.1.parent: an expectation cannot ask for a root and a parent at once',
    ]);
  });

  it('takes a reference example in place of a lesson, one of the two, firing the rule of its section', () => {
    const { lesson: _lesson, ...example } = valid;
    expect(parseScenarioMeta({ ...example, reference: 'duplicate-link' }).ok).toBe(true);
    const both = parseScenarioMeta({ ...valid, reference: 'duplicate-link' });
    expect(both.ok ? '' : both.error).toMatch(/^lesson: a scenario belongs to a lesson, or .*: one of the two$/);
    const neither = parseScenarioMeta(example);
    expect(neither.ok ? '' : neither.error).toMatch(/^lesson: a scenario belongs to a lesson/);
    const other = parseScenarioMeta({
      ...example,
      reference: 'duplicate-link',
      practice: 'anti-pattern',
      teaches: 'retry-nested',
    });
    expect(other.ok ? '' : other.error).toBe('teaches: a reference example fires the rule of its section');
  });

  it('asks an anti-pattern for the rule it teaches', () => {
    const parsed = parseScenarioMeta({ ...valid, practice: 'anti-pattern' });
    expect(parsed.ok ? '' : parsed.error).toBe('teaches: an anti-pattern names the lint rule it teaches');
    expect(parseScenarioMeta({ ...valid, practice: 'anti-pattern', teaches: 'retry-nested' }).ok).toBe(true);
  });

  it('takes a pitfall without a rule, and rejects one that names a rule', () => {
    expect(parseScenarioMeta({ ...valid, practice: 'pitfall' }).ok).toBe(true);
    const parsed = parseScenarioMeta({ ...valid, practice: 'pitfall', teaches: 'retry-nested' });
    expect(parsed.ok ? '' : parsed.error).toBe('teaches: a pitfall is what no rule sees: it names none');
  });

  it('rejects a good scenario that names a rule, and a two-line summary', () => {
    const parsed = parseScenarioMeta({ ...valid, teaches: 'retry-nested', summary: 'one\ntwo' });
    expect(parsed.ok ? '' : parsed.error).toBe(
      'summary: one line, without line breaks\nteaches: a good scenario is lint-clean: it teaches no rule',
    );
  });

  it('documents every field of the metadata and of an expectation', () => {
    const fields = { ...scenarioMetaSchema.shape, ...expectationSchema.shape };
    const undocumented = Object.entries(fields)
      .filter(([, field]) => !field.description)
      .map(([name]) => name);
    expect(undocumented).toEqual([]);
  });

  it('formats an issue without a path as its message alone', () => {
    const parsed = expectationSchema.safeParse('batch');
    expect(parsed.success ? '' : formatIssues(parsed.error)).toBe('Invalid input: expected object, received string');
  });
});

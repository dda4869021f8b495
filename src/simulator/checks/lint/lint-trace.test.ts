import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSpan, TRACE_B } from '../../trace/otlp-test-spans.ts';
import { LINT_RULES, RULE_IDS } from './all-rules.ts';
import { lintTrace } from './lint-trace.ts';

describe('lintTrace', () => {
  it('registers every rule of the rules folder once, each with a one-line summary', () => {
    const files = readdirSync(new URL('./rules/', import.meta.url)).filter((name) => !name.endsWith('.test.ts'));
    expect([...RULE_IDS].sort()).toEqual(files.map((name) => name.replace(/\.ts$/, '')).sort());
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.summary).not.toContain('\n');
    }
  });

  it('links each finding to where the host documents its rule, and nowhere without a docsUrl', () => {
    const open = [makeSpan({ spanId: 'cccccccccccccccc', name: 'open', end: null })];
    expect(lintTrace(open)[0]).not.toHaveProperty('docs');
    const docsUrl = (rule: string): string => `https://example.test/rules#${rule}`;
    expect(lintTrace(open, { docsUrl })[0]?.docs).toBe('https://example.test/rules#span-not-ended');
  });

  it('finds nothing in no spans', () => {
    expect(lintTrace([])).toEqual([]);
  });

  it('lists errors, then warnings, then info, each with the ids of its spans once', () => {
    const target = makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', name: 'source' });
    const link = { traceId: target.traceId, spanId: target.spanId, attributes: {} };
    const spans = [
      target,
      makeSpan({ spanId: 'bbbbbbbbbbbbbbbb', traceId: TRACE_B, name: 'report', links: [link, link] }),
      makeSpan({ spanId: 'cccccccccccccccc', traceId: TRACE_B, name: 'open', end: null }),
    ];
    expect(lintTrace(spans).map((f) => [f.severity, f.rule, f.spans])).toEqual([
      ['error', 'span-not-ended', ['cccccccccccccccc']],
      ['warning', 'duplicate-link', ['bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa']],
      ['info', 'link-without-attributes', ['bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa']],
    ]);
  });

  it('reads an imported trace whose parents and link targets are missing without failing', () => {
    const orphan = makeSpan({
      spanId: 'dddddddddddddddd',
      parentSpanId: 'eeeeeeeeeeeeeeee',
      kind: 'consumer',
      links: [{ traceId: TRACE_B, spanId: 'ffffffffffffffff', attributes: { 'messaging.message.id': 'm1' } }],
    });
    expect(lintTrace([orphan])).toEqual([]);
  });
});

/** Span selectors of expectations: name patterns with `*`, narrowed by service and attribute values. */
import type { AttributeValue, Attributes, SpanRecord } from '../trace/model.ts';
import type { AttributeCheck, SpanSelector } from './expectation-schema.ts';

const patterns = new Map<string, RegExp>();

/** Whether a span name matches a pattern in which `*` stands for any run of characters. */
export function matchesName(name: string, pattern: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^]*');
    regex = new RegExp(`^${body}$`);
    patterns.set(pattern, regex);
  }
  return regex.test(name);
}

/** Whether two attribute values are equal (arrays element by element). */
export function sameValue(a: AttributeValue | undefined, b: AttributeValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Whether a span is one the selector selects. */
export function selects(selector: SpanSelector, span: SpanRecord): boolean {
  if (typeof selector === 'string') return matchesName(span.name, selector);
  if (!matchesName(span.name, selector.name)) return false;
  if (selector.service !== undefined && span.service !== selector.service) return false;
  return Object.entries(selector.where ?? {}).every(([key, value]) => sameValue(span.attributes[key], value));
}

/** A value as an expectation shows it: strings quoted, arrays in brackets. */
export function formatValue(value: AttributeValue | undefined): string {
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(value);
}

/** A selector in words: `` `charge-attempt` `` or `` `charge-attempt` in `payments` with `retry.attempt` = 2 ``. */
export function describeSelector(selector: SpanSelector): string {
  if (typeof selector === 'string') return `\`${selector}\``;
  const parts = [`\`${selector.name}\``];
  if (selector.service !== undefined) parts.push(`in \`${selector.service}\``);
  const where = Object.entries(selector.where ?? {}).map(([key, value]) => `\`${key}\` = ${formatValue(value)}`);
  if (where.length > 0) parts.push(`with ${joinWords(where)}`);
  return parts.join(' ');
}

/** Whether a selector may select several spans (a wildcard in its name). */
export function isPattern(selector: SpanSelector): boolean {
  return (typeof selector === 'string' ? selector : selector.name).includes('*');
}

/** An attribute check in words: `` `a` and `b` `` or `` `retry.attempt` = 1 ``. */
export function describeAttributes(check: AttributeCheck): string {
  if (Array.isArray(check)) return joinWords(check.map((key) => `\`${key}\``));
  return joinWords(Object.entries(check).map(([key, value]) => `\`${key}\` = ${formatValue(value)}`));
}

/** What an attribute check misses in a set of attributes, in words; empty when nothing is missing. */
export function attributeProblems(check: AttributeCheck, attributes: Attributes): string[] {
  if (Array.isArray(check)) return check.filter((key) => !(key in attributes)).map((key) => `no \`${key}\``);
  return Object.entries(check)
    .filter(([key, value]) => !sameValue(attributes[key], value))
    .map(([key, value]) =>
      key in attributes
        ? `\`${key}\` = ${formatValue(attributes[key])}, not ${formatValue(value)}`
        : `no \`${key}\` (expected ${formatValue(value)})`,
    );
}

/** Words joined as `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

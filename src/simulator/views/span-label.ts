import type { DanglingReason } from '../trace/dangling-links.ts';
import type { AttributeValue, SpanLinkRecord, SpanRecord } from '../trace/model.ts';
import { labelText, MAX_LABEL_CHARS } from './mermaid-escape.ts';
import { idDigits } from '../trace/id-digits.ts';

/** Longest service name, in characters, a span label shows before cutting it. */
export const MAX_SERVICE_CHARS = 32;

/**
 * The plain (unescaped) one-line label a diagram shows for a span: `service › name`, then
 * `(error)` for an error status, `(never ended)` for a span without an end and `(not kept)` for
 * one the sampler did not sample. Each part is cut.
 */
export function spanLabel(span: SpanRecord, maxNameChars: number = MAX_LABEL_CHARS): string {
  const marks = [
    span.status.code === 'error' ? ' (error)' : '',
    span.end === null ? ' (never ended)' : '',
    span.sampled === false ? ' (not kept)' : '',
  ].join('');
  return `${labelText(span.service, MAX_SERVICE_CHARS)} › ${labelText(span.name, maxNameChars)}${marks}`;
}

// Depth shows as one `· ` per level, up to this many; deeper rows also print their depth.
const MAX_INDENT = 8;

/** The indent a waterfall row shows before a span's label: `· ` per level, with the number past 8 levels. */
export function depthPrefix(depth: number): string {
  if (depth <= MAX_INDENT) return '· '.repeat(depth);
  return `${'· '.repeat(MAX_INDENT - 1)}·${String(depth)} `;
}

/** A short form of a hex id for labels: 8 digits that tell it apart (past zero padding) and `…`. */
export function shortId(id: string): string {
  return id.length > 8 ? `${idDigits(id)}…` : id;
}

/**
 * A trace as the views name it: its number in the run (traces counted in order of their first
 * span, from 1) and its short id, "trace 2 · 5b31aa09…".
 */
export function traceName(number: number, traceId: string): string {
  return `trace ${String(number)} · ${shortId(traceId)}`;
}

function formatValue(value: AttributeValue): string {
  return Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value);
}

/** Longest link label, in characters, before the count of attributes left out. */
export const MAX_LINK_LABEL_CHARS = 48;

/** The attribute that says what kind of link a link is (`retry-of`, `compensates`): its value is the label. */
const LINK_TYPE = 'link.type';

/**
 * The plain (unescaped) label of a link, short enough to sit on its edge: the value of its
 * `link.type` attribute if it has one, else its first attribute as `key=value`, cut to
 * `maxChars`, then `+N more` for the attributes left out (they are all in the span details);
 * empty without attributes.
 */
export function linkLabel(link: SpanLinkRecord, maxChars: number = MAX_LINK_LABEL_CHARS): string {
  const entries = Object.entries(link.attributes);
  const type = entries.find(([name]) => name === LINK_TYPE);
  const first = type ?? entries[0];
  if (first === undefined) return '';
  const [name, value] = first;
  const text = labelText(type === undefined ? `${name}=${formatValue(value)}` : formatValue(value), maxChars);
  const more = entries.length - 1;
  return more > 0 ? `${text} +${String(more)} more` : text;
}

/** What became of a dangling link's target, in words: `not kept` or `never ended`. */
export function danglingWhy(reason: DanglingReason): string {
  return reason === 'not-sampled' ? 'not kept' : 'never ended';
}

/** What a view says of one link that dangles: `⚠ dangling: target not kept`. */
export function danglingText(reason: DanglingReason): string {
  return `⚠ dangling: target ${danglingWhy(reason)}`;
}

/**
 * The mark after the label of a span holding dangling links: ` ⚠ dangling: target not kept` for
 * one, ` ⚠ 2 dangling: targets not kept` for several of one reason, ` ⚠ 3 dangling links` for
 * mixed reasons; empty for none.
 */
export function danglingMark(reasons: readonly DanglingReason[]): string {
  const [first] = reasons;
  if (first === undefined) return '';
  if (reasons.length === 1) return ` ${danglingText(first)}`;
  const count = String(reasons.length);
  return reasons.every((reason) => reason === first)
    ? ` ⚠ ${count} dangling: targets ${danglingWhy(first)}`
    : ` ⚠ ${count} dangling links`;
}

import type { AttributeValue, SpanLinkRecord, SpanRecord } from '../trace/model.ts';
import { labelText, MAX_LABEL_CHARS } from './mermaid-escape.ts';
import { idDigits } from '../trace/id-digits.ts';

/** Longest service name, in characters, a span label shows before cutting it. */
export const MAX_SERVICE_CHARS = 32;

/**
 * The plain (unescaped) one-line label a diagram shows for a span: `service › name`, then
 * `(error)` for an error status and `(never ended)` for a span without an end. Each part is cut.
 */
export function spanLabel(span: SpanRecord, maxNameChars: number = MAX_LABEL_CHARS): string {
  const marks = [span.status.code === 'error' ? ' (error)' : '', span.end === null ? ' (never ended)' : ''].join('');
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

function formatValue(value: AttributeValue): string {
  return Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value);
}

/** The plain (unescaped) label of a link: its attributes as `key=value`, comma-separated, cut; empty without attributes. */
export function linkLabel(link: SpanLinkRecord, maxChars: number = MAX_LABEL_CHARS): string {
  const text = Object.entries(link.attributes)
    .map(([name, value]) => `${name}=${formatValue(value)}`)
    .join(', ');
  return text === '' ? '' : labelText(text, maxChars);
}

import type { AttributeValue, Attributes } from '@spanlab/engine';

/** What the views show for a name with nothing visible in it. */
export const UNNAMED = '(unnamed)';

/** A span or service name as shown: "(unnamed)" when blank, otherwise exactly as given. */
export function displayName(name: string): string {
  return name.trim() === '' ? UNNAMED : name;
}

const counts = new Intl.NumberFormat('en');

/** A count with thousands separators: "10,000". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** "1 span", "3 spans": a count and a noun, plural unless the count is 1. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}

/** `text` cut to `max` characters with an ellipsis and the number of characters left out. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${formatCount(text.length - max)} more characters)`;
}

/** A duration in whole or fractional ms as "5 µs", "12 ms", "1.5 s", "2 min 3.25 s" or "20 min 52 ms". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  // Under a millisecond in whole µs, as Jaeger writes them: "5 µs", not "0.005 ms". No finer: a
  // time in ms since 1970 held in a double resolves about 0.24 µs (a 5 µs span reads 4.883 µs).
  if (abs > 0 && abs < 1) {
    const us = Math.round(abs * 1000);
    return us === 0 ? `${sign}under 1 µs` : `${sign}${String(us)} µs`;
  }
  if (abs < 1000) return `${sign}${String(round(abs, 3))} ms`;
  if (abs < 60_000) return `${sign}${String(round(abs / 1000, 3))} s`;
  const minutes = Math.floor(abs / 60_000);
  const rest = round(abs - minutes * 60_000, 3);
  if (rest === 0) return `${sign}${String(minutes)} min`;
  // Under a second left over reads as milliseconds: "20 min 52 ms", not "20 min 0.052 s".
  const restText = rest < 1000 ? formatDuration(rest) : `${String(round(rest / 1000, 3))} s`;
  return `${sign}${String(minutes)} min ${restText}`;
}

/** A time relative to an origin, as "+12 ms". */
export function formatOffset(ms: number): string {
  return ms < 0 ? formatDuration(ms) : `+${formatDuration(ms)}`;
}

/** A unix time in ms as an ISO 8601 string, or the number itself when it is out of range. */
export function formatInstant(unixMs: number): string {
  const date = new Date(unixMs);
  return Number.isNaN(date.getTime()) ? String(unixMs) : date.toISOString();
}

/** An attribute value as text: strings as they are, arrays as `[a, "b"]`. */
export function formatValue(value: AttributeValue): string {
  if (!Array.isArray(value)) return String(value);
  return `[${value.map((item) => (typeof item === 'string' ? JSON.stringify(item) : String(item))).join(', ')}]`;
}

/** Attributes as `key = value` lines, values cut to `maxValue` characters. */
export function attributeLines(attributes: Attributes, maxValue = 200): string[] {
  return Object.entries(attributes).map(([key, value]) => `${key} = ${cutText(formatValue(value), maxValue)}`);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Escaping of user text (span, service, attribute names and values) for Mermaid diagram text.
 *
 * Mermaid reads `#<decimal>;` in any diagram as a character reference: its preprocessor swaps
 * each one for a placeholder before the diagram's parser runs, and the renderer turns it back
 * into `&#<decimal>;` in the SVG it emits. So every character that could mean something to a
 * Mermaid lexer, to Mermaid's preprocessor (`%%` comments, `%%{init}%%` directives, `#br#`,
 * `\n`, `fa:` icons, `$$` KaTeX) or to HTML is written as such a reference; letters, digits,
 * inner spaces, a few inert ASCII marks and visible non-ASCII characters stay literal. The text
 * then renders exactly as given, and no diagram statement can ever start or end inside it.
 *
 * Literal fidelity holds for every string except: control characters show as symbols (␊ for a
 * newline), lone surrogates and C1 controls as �, the ligature ﬂ as "fl", and a word joiner
 * separates "¶ß" — see `visibleText`.
 */

/** Longest label, in characters, before it is cut with an ellipsis. */
export const MAX_LABEL_CHARS = 80;

/** What a label shows for a name with nothing visible in it. */
export const UNNAMED = '(unnamed)';

// Written as references: ASCII punctuation with a meaning somewhere in Mermaid or HTML, and of
// the rest of Unicode, spaces other than U+0020, line and paragraph separators, controls, format
// and private-use characters, and two of the characters of Mermaid's entity placeholders
// (`ﬂ°°35¶ß`; ﬂ never gets here, and ß alone is harmless). Letters, digits, inner spaces,
// `.,_-/+*?!@'~^=()` and every other character stay literal: no Mermaid syntax uses them.
const UNSAFE = /(?! )[\p{C}\p{Z}\u00B0\u00B6"#$%&:;<>[\\\]`{|}]/gu;

/**
 * The visible form of one code point: C0 controls as their Control Pictures (␊ for a newline),
 * DEL as ␡, C1 controls and lone surrogates as �, the ligature ﬂ as "fl". Anything else is itself.
 */
function visibleChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code >= 0x80 && code <= 0x9f) return '\uFFFD';
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  // Flowchart HTML labels decode Mermaid's placeholders twice, so the placeholder characters
  // themselves cannot pass through: ﬂ becomes "fl", and a word joiner splits "¶ß".
  if (code === 0xfb02) return 'fl';
  return char;
}

/** The characters a label shows for `text`: control characters as visible symbols, "(unnamed)" for an empty string. */
export function visibleText(text: string): string {
  if (text === '') return UNNAMED;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (!/[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFB02\u00B6]/.test(text)) return text;
  return Array.from(text, visibleChar).join('').replaceAll('\u00B6\u00DF', '\u00B6\u2060\u00DF');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text a label shows for `raw`: its visible text, cut to `maxChars` characters with `…`, "(unnamed)" when blank. */
export function labelText(raw: string, maxChars: number = MAX_LABEL_CHARS): string {
  if (raw.trim() === '') return UNNAMED;
  if (raw.length <= maxChars) return visibleText(raw); // no more graphemes than UTF-16 units
  // Only the head of a long name is looked at (a 1 MB name costs no more than a short one).
  const head = raw.length > maxChars * 8 ? raw.slice(0, maxChars * 8) : raw;
  const chars: string[] = [];
  for (const { segment } of graphemes.segment(head)) {
    chars.push(segment);
    if (chars.length > maxChars) break;
  }
  if (head === raw && chars.length <= maxChars) return visibleText(raw);
  if (head !== raw) chars.pop(); // the head may end inside a grapheme
  return visibleText(chars.slice(0, Math.max(1, maxChars - 1)).join('')) + '…';
}

/** Escapes `text` for any Mermaid label context: one `#<decimal>;` reference per unsafe character. */
function encode(text: string): string {
  return (
    visibleText(text)
      .replace(UNSAFE, (char) => `#${String(char.codePointAt(0))};`)
      // Edge spaces are written as references too: parsers trim spaces, not references.
      .replace(/^ | $/g, '#32;')
  );
}

/**
 * Escapes text for a gantt task name (the part before `: `). A leading ASCII letter or digit is
 * written as a reference too, so no task can start with a gantt keyword (`title`, `section`,
 * `click`, `excludes`, `dateFormat`, a date …): the lexer looks for those only at a line's start.
 */
export function ganttTaskName(text: string): string {
  const encoded = encode(text);
  const first = encoded.charAt(0);
  return /^[A-Za-z0-9]$/.test(first) ? `#${String(first.charCodeAt(0))};${encoded.slice(1)}` : encoded;
}

/** Escapes text for a gantt section name (the rest of a `section ` line). */
export function ganttSectionName(text: string): string {
  return encode(text);
}

/** Escapes text as a quoted flowchart label (`"…"`), for nodes `id["…"]`, edges `-->|"…"|` and `subgraph id ["…"]`. */
export function flowchartLabel(text: string): string {
  return `"${encode(text)}"`;
}

/**
 * Turns the placeholders Mermaid's parser leaves in a label (`ﬂ°°35¶ß`) back into characters,
 * as the rendered SVG shows them. For tests and tools that read a parsed diagram.
 */
export function decodeParsedLabel(parsed: string): string {
  return parsed.replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_match, digits: string) =>
    String.fromCodePoint(Number(digits)),
  );
}

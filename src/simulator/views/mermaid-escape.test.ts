import { describe, expect, it } from 'vitest';
import {
  decodeParsedLabel,
  flowchartLabel,
  ganttSectionName,
  ganttTaskName,
  labelText,
  UNNAMED,
  visibleText,
} from './mermaid-escape.ts';

describe('labelText', () => {
  it('keeps ordinary names as they are', () => {
    expect(labelText('POST /orders')).toBe('POST /orders');
    expect(labelText('a : b')).toBe('a : b');
  });

  it('names blank names "(unnamed)"', () => {
    expect(labelText('')).toBe(UNNAMED);
    expect(labelText('  \n\t')).toBe(UNNAMED);
  });

  it('cuts long names to 80 characters with an ellipsis', () => {
    const cut = labelText('x'.repeat(500));
    expect(cut).toBe(`${'x'.repeat(79)}…`);
    expect(labelText('x'.repeat(80))).toBe('x'.repeat(80));
    expect(labelText('abcdef', 4)).toBe('abc…');
  });

  it('cuts between graphemes, never inside one', () => {
    const family = '👨‍👩‍👧';
    expect(labelText(family.repeat(100), 3)).toBe(`${family.repeat(2)}…`);
  });

  it('looks only at the head of a huge name', () => {
    const huge = 'y'.repeat(1_000_000);
    expect(labelText(huge)).toBe(`${'y'.repeat(79)}…`);
  });
});

describe('visibleText', () => {
  it('shows control characters as symbols', () => {
    expect(visibleText('a\nb\r\tc\u0000\u007f\u0085')).toBe('a␊b␍␉c␀␡\uFFFD');
  });

  it('replaces lone surrogates', () => {
    expect(visibleText('a\uD800b')).toBe('a\uFFFDb');
    expect(visibleText('😀')).toBe('😀');
  });

  it('breaks up Mermaid placeholder characters, which a second decoding would turn into entities', () => {
    expect(visibleText('ﬂ°°35¶ß')).toBe('fl°°35¶\u2060ß');
  });
});

describe('escaping', () => {
  it('writes every character Mermaid could read as syntax as a #<code>; reference', () => {
    expect(flowchartLabel('"]-->X[pwn')).toBe('"#34;#93;--#62;X#91;pwn"');
    expect(flowchartLabel('a|b; c:d')).toBe('"a#124;b#59; c#58;d"');
    expect(flowchartLabel('%%{init: {}}%%')).toBe('"#37;#37;#123;init#58; #123;#125;#125;#37;#37;"');
    expect(flowchartLabel('<img src=x onerror=alert(1)>')).toBe('"#60;img src=x onerror=alert(1)#62;"');
    expect(flowchartLabel('`md` $$x$$ \\n #br# &amp;')).toBe(
      '"#96;md#96; #36;#36;x#36;#36; #92;n #35;br#35; #38;amp#59;"',
    );
  });

  it('keeps edge spaces, which parsers would trim', () => {
    expect(flowchartLabel(' a ')).toBe('"#32;a#32;"');
    expect(flowchartLabel('a\u00A0b')).toBe('"a#160;b"');
  });

  it('keeps letters, digits, inert punctuation and non-ASCII text literal', () => {
    expect(flowchartLabel("GET /users/(id) v1.2, it's ok!")).toBe('"GET /users/(id) v1.2, it\'s ok!"');
    expect(flowchartLabel('Straße › 注文 😀')).toBe('"Straße › 注文 😀"');
  });

  it('never starts a gantt task with an ASCII letter or digit (keywords, dates)', () => {
    expect(ganttTaskName('title x')).toBe('#116;itle x');
    expect(ganttTaskName('2024-01-01 deploy')).toBe('#50;024-01-01 deploy');
    expect(ganttTaskName('5% done')).toBe('#53;#37; done');
    expect(ganttTaskName('· child')).toBe('· child');
    expect(ganttSectionName('section y')).toBe('section y');
  });

  it('turns the empty string into "(unnamed)"', () => {
    expect(ganttTaskName('')).toBe('(unnamed)');
    expect(flowchartLabel('')).toBe('"(unnamed)"');
  });
});

describe('decodeParsedLabel', () => {
  it('reverses the placeholders Mermaid leaves in parsed labels', () => {
    expect(decodeParsedLabel('a \uFB02\u00B0\u00B058\u00B6\u00DF b')).toBe('a : b');
    expect(decodeParsedLabel('\uFB02\u00B0\u00B0128512\u00B6\u00DF')).toBe('😀');
  });
});

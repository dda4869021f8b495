import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ARTICLE_QUOTES, COURSE_PHRASES, findQuote, SPEC_QUOTES, SPEC_VERSIONS } from './spec-quotes.ts';

const LESSONS = new URL('../content/docs/lessons/', import.meta.url);
const REFERENCE = new URL('../content/docs/reference/', import.meta.url);
const QUIZZES = new URL('../content/quizzes/', import.meta.url);

/** Quiz fields that hold code or ids, not prose. */
const NOT_PROSE = new Set(['code', 'id', 'tryIt', 'trace', 'rule', 'kind', 'topic', 'lesson', 'path']);

/** The passages between quotation marks ("…" or “…”) in prose; quotation marks inside code spans do not count. */
function quotations(prose: string): string[] {
  const text = prose.replace(/`[^`]*`/g, (code) => code.replaceAll('"', "'")).replace(/\s+/g, ' ');
  return [...text.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** A lesson's prose: no frontmatter, code blocks, imports or component attributes. */
function lessonProse(source: string): string {
  return source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^import .*$/gm, '')
    .replace(/\b[\w-]+="[^"]*"/g, '');
}

/** Every prose string of a quiz bank. */
function quizProse(value: unknown, key = ''): string[] {
  if (NOT_PROSE.has(key)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => quizProse(item));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([field, item]) => quizProse(item, field));
  return [];
}

const found: Array<{ where: string; quote: string }> = [
  ...readdirSync(LESSONS)
    .filter((file) => file.endsWith('.mdx'))
    .flatMap((file) =>
      quotations(lessonProse(readFileSync(new URL(file, LESSONS), 'utf8'))).map((quote) => ({
        where: `lessons/${file}`,
        quote,
      })),
    ),
  ...readdirSync(REFERENCE)
    .filter((file) => file.endsWith('.mdx'))
    .flatMap((file) =>
      quotations(lessonProse(readFileSync(new URL(file, REFERENCE), 'utf8'))).map((quote) => ({
        where: `reference/${file}`,
        quote,
      })),
    ),
  ...readdirSync(QUIZZES)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) =>
      quizProse(parse(readFileSync(new URL(file, QUIZZES), 'utf8'))).flatMap((prose) =>
        quotations(prose).map((quote) => ({ where: `quizzes/${file}`, quote })),
      ),
    ),
];

describe('the quote registry', () => {
  it('knows every quotation in the lessons, the reference and the quiz banks: the specification word for word, the article, or the course', () => {
    expect(found.length).toBeGreaterThan(10);
    const unknown = found
      .filter(({ quote }) => findQuote(quote) === null)
      .map(({ where, quote }) => `${where}: "${quote}"`);
    expect(unknown).toEqual([]);
  });

  it('quotes the specification and the conventions somewhere, each registered sentence at least once', () => {
    const used = new Set(found.map(({ quote }) => findQuote(quote)));
    const unused = SPEC_QUOTES.filter((entry) => !used.has(entry)).map((entry) => entry.quote);
    expect(unused).toEqual([]);
  });

  it('matches a quotation only word for word, allowing "…" for what it leaves out', () => {
    expect(findQuote("SHOULD link to the message's creation context")).toMatchObject({
      source: 'semantic-conventions',
    });
    expect(
      findQuote(
        'is preferred to calling `AddLink` later … because head sampling decisions can only consider information present during span creation',
      ),
    ).toMatchObject({ document: 'specification/trace/api.md', section: 'Link' });
    // The pre-1.37 wording of the PRODUCER kind is no longer the specification's.
    expect(findQuote('will often end before the corresponding child CONSUMER span')).toBeNull();
    // Parts from two different sentences do not make a quotation.
    expect(findQuote("causally related … SHOULD link to the message's creation context")).toBeNull();
    expect(findQuote('a Span MUST have exactly one parent')).toBeNull();
    expect(findQuote('Related, not causal')).toBe('article');
    expect(findQuote('who picked up my message?')).toBe('course');
  });

  it('names the document, section and version of each sentence, and pins one version per source', () => {
    expect(SPEC_VERSIONS.specification).toMatch(/^\d+\.\d+\.\d+$/);
    expect(SPEC_VERSIONS.semanticConventions).toMatch(/^\d+\.\d+\.\d+$/);
    for (const entry of SPEC_QUOTES) {
      expect(entry.document).toMatch(entry.source === 'specification' ? /^specification\/.+\.md$/ : /^docs\/.+\.md$/);
      expect(entry.section.length).toBeGreaterThan(0);
      expect(entry.version).toBe(
        entry.source === 'specification' ? SPEC_VERSIONS.specification : SPEC_VERSIONS.semanticConventions,
      );
      expect(entry.quote).toMatch(/[.]$/);
    }
    const all = [...SPEC_QUOTES.map((entry) => entry.quote), ...ARTICLE_QUOTES, ...COURSE_PHRASES];
    expect(new Set(all).size).toBe(all.length);
  });
});

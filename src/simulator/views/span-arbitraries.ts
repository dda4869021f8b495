/** fast-check arbitraries for the views' property tests: runs of spans with hostile random text. */
import fc from 'fast-check';
import type { SpanRecord } from '../trace/model.ts';
import { makeSpan, TRACES } from './fixtures.ts';

// Units of random names: hazards (weighted up), ASCII, any grapheme, any code point, lone surrogates.
const HAZARDS = [
  '%%',
  '%%{init: {"theme":"dark"}}%%',
  '%',
  '#',
  ';',
  ':',
  '"',
  "'",
  '`',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '|',
  '<',
  '>',
  '&',
  '\\',
  '\\n',
  '\n',
  '\r',
  '\t',
  '-->',
  '-.->',
  '==>',
  '---',
  '@{',
  'end',
  'section ',
  'title ',
  'click ',
  'call ',
  'href ',
  'excludes ',
  'dateFormat ',
  'style ',
  'classDef ',
  'subgraph ',
  '5%',
  '#quot;',
  '#35;',
  '&lt;',
  '<br>',
  '#br#',
  'fa:fa-car',
  '$$',
  'ﬂ°°',
  'ﬂ°',
  '¶ß',
  ' ',
  '\u2028',
  '\u00A0',
  '\u200B',
  '\u202E',
  '\uFEFF',
  '\u0085',
  'x',
  'o',
  '2024-01-01',
];
const unit = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HAZARDS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);
const text = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit, minLength: 40, maxLength: 100 }) },
);

const spanSpec = fc.record({
  name: text,
  service: text,
  trace: fc.nat({ max: TRACES.length - 1 }),
  parent: fc.nat(),
  start: fc.nat({ max: 1000 }),
  duration: fc.option(fc.nat({ max: 1000 }), { freq: 5 }),
  error: fc.boolean(),
  links: fc.array(fc.record({ to: fc.nat(), outside: fc.boolean(), name: text, value: text }), { maxLength: 2 }),
});

/** Random runs for property tests: spans in up to three traces, parents among earlier spans or missing, links in and out of the run. */
export const randomRuns = fc.array(spanSpec, { minLength: 1, maxLength: 7 }).map((specs) => {
  const spanId = (i: number): string => i.toString(16).padStart(16, '0');
  return specs.map((spec, i): SpanRecord => {
    const choice = spec.parent % (i + 2);
    const parentSpanId = choice === i + 1 ? null : choice === i ? 'ffffffffffffffff' : spanId(choice);
    return makeSpan({
      traceId: TRACES[spec.trace] ?? '',
      spanId: spanId(i),
      parentSpanId,
      name: spec.name,
      service: spec.service,
      start: spec.start,
      end: spec.duration === null ? null : spec.start + spec.duration,
      status: { code: spec.error ? 'error' : 'unset' },
      links: spec.links.map((link) => ({
        traceId: link.outside
          ? 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'
          : (TRACES[specs[link.to % specs.length]?.trace ?? 0] ?? ''),
        spanId: link.outside ? spanId(1000 + (link.to % 3)) : spanId(link.to % specs.length),
        attributes: link.name === '' ? {} : { [link.name]: link.value },
      })),
    });
  });
});

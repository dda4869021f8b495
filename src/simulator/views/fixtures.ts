/** Span fixtures for the views' tests: a factory and two small runs. */
import type { SpanRecord } from '../trace/model.ts';

/** A span with plain defaults (an ended internal root span), overridden by `fields`. */
export function makeSpan(fields: Partial<SpanRecord> & Pick<SpanRecord, 'traceId' | 'spanId'>): SpanRecord {
  return {
    parentSpanId: null,
    name: 'work',
    kind: 'internal',
    service: 'app',
    scope: { name: 'test' },
    start: 0,
    end: 1,
    attributes: {},
    events: [],
    links: [],
    status: { code: 'unset' },
    dropped: { attributes: 0, events: 0, links: 0 },
    resource: {},
    ...fields,
  };
}

const TREE = '4bf92f3577b34da6a3ce929d0e0e4736';

/** One trace: a request with a child call, a failing grandchild, one never ended, and a late sibling. */
export function smallTree(): SpanRecord[] {
  const at = 1_700_000_000_000;
  return [
    makeSpan({
      traceId: TREE,
      spanId: '00000000000000a1',
      name: 'GET /checkout',
      service: 'frontend',
      kind: 'server',
      start: at,
      end: at + 120,
    }),
    makeSpan({
      traceId: TREE,
      spanId: '00000000000000a2',
      parentSpanId: '00000000000000a1',
      name: 'POST /orders',
      service: 'checkout',
      kind: 'client',
      start: at + 10,
      end: at + 100,
    }),
    makeSpan({
      traceId: TREE,
      spanId: '00000000000000a4',
      parentSpanId: '00000000000000a1',
      name: 'render',
      service: 'frontend',
      start: at + 101,
      end: at + 119,
    }),
    makeSpan({
      traceId: TREE,
      spanId: '00000000000000a3',
      parentSpanId: '00000000000000a2',
      name: 'charge card',
      service: 'payments',
      start: at + 20,
      end: at + 60,
      status: { code: 'error', message: 'declined' },
    }),
    makeSpan({
      traceId: TREE,
      spanId: '00000000000000a5',
      parentSpanId: '00000000000000a2',
      name: 'publish',
      service: 'checkout',
      kind: 'producer',
      start: at + 70,
      end: null,
    }),
  ];
}

/** Two producers in their own traces (one with a remote parent) and a batch consumer linking to both and to a span outside the run. */
export function batchWithLinks(): SpanRecord[] {
  const p1 = '11111111111111111111111111111111';
  const p2 = '22222222222222222222222222222222';
  const batch = '33333333333333333333333333333333';
  return [
    makeSpan({
      traceId: p1,
      spanId: 'aaaa000000000001',
      name: 'orders send',
      service: 'orders',
      kind: 'producer',
      start: 0,
      end: 2,
    }),
    makeSpan({
      traceId: p2,
      spanId: 'bbbb000000000001',
      parentSpanId: 'ffff000000000009',
      name: 'orders send',
      service: 'orders',
      kind: 'producer',
      start: 5,
      end: 6,
    }),
    makeSpan({
      traceId: batch,
      spanId: 'cccc000000000001',
      name: 'orders process',
      service: 'billing',
      kind: 'consumer',
      start: 10,
      end: 30,
      links: [
        { traceId: p1, spanId: 'aaaa000000000001', attributes: { 'messaging.message.id': 'm1' } },
        { traceId: p2, spanId: 'bbbb000000000001', attributes: { 'messaging.message.id': 'm2' } },
        { traceId: '44444444444444444444444444444444', spanId: 'dddd000000000001', attributes: {} },
      ],
    }),
    makeSpan({
      traceId: batch,
      spanId: 'cccc000000000002',
      parentSpanId: 'cccc000000000001',
      name: 'charge',
      service: 'billing',
      start: 12,
      end: 20,
    }),
  ];
}

/** The batch of `batchWithLinks`, its first producer span not kept by the sampler: its link from the batch dangles. */
export function batchNotKept(name = 'orders send'): { spans: SpanRecord[]; unsampled: SpanRecord[] } {
  const [first, ...rest] = batchWithLinks();
  if (first === undefined) throw new Error('the fixture has spans');
  return { spans: rest, unsampled: [{ ...first, name, sampled: false }] };
}

/** Three trace ids for runs that need several traces. */
export const TRACES = [
  '4bf92f3577b34da6a3ce929d0e0e4736',
  '5ce929d0e0e47364bf92f3577b34da6a',
  'a3ce929d0e0e47364bf92f3577b34d00',
];

/** The hostile texts of BAD-INPUTS rows 7–11 and the hazards Mermaid and HTML react to. */
export const HOSTILE = [
  'a : b',
  'title x',
  'section y',
  'excludes z',
  'dateFormat YYYY',
  'axisFormat %H',
  'todayMarker stroke-width:50px',
  'weekday monday',
  '5% done',
  '%',
  '%% comment',
  'click foo call alert()',
  'click s0 href "javascript:alert(1)"',
  'href "x"',
  'call x()',
  'end',
  'subgraph evil',
  'style s0 fill:#f00;',
  'classDef x fill:#f00;',
  '"]-->X[pwn',
  'a|b',
  '|"x"| y',
  'a --> b',
  'a -.-> b ==> c ~~~ d',
  'x@{ shape: circle }',
  '%%{init: {"themeCSS": "body{display:none}"}}%%',
  '%%{init: {"securityLevel": "loose"}}%%',
  '---\nconfig:\n  theme: dark\n---',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<br>two lines',
  '#quot; #35; #lt;b#gt; &amp; &lt;i&gt;',
  'ﬂ°°35¶ß ﬂ°lt¶ß',
  '#br#',
  'a\\nb',
  'fa:fa-car',
  '$$\\href{javascript:alert(1)}{x}$$',
  '`**md**`',
  '"quoted"',
  "it's",
  '[brackets] {braces} (parens)',
  'semi;colon',
  'tab\there',
  'line\nbreak',
  'carriage\rreturn',
  'nul\u0000 bell\u0007 del\u007f c1\u0085',
  'ls\u2028ps\u2029',
  'nbsp\u00A0 zwsp\u200B bom\uFEFF rlo\u202Eevil',
  'lone \uD800 surrogate',
  '2024-01-01 deploy',
  ' leading and trailing ',
  '',
  '   ',
  'x'.repeat(500),
  'Straße › 注文 😀 👨‍👩‍👧',
];

/**
 * A run with every hostile text in every place: as the service of a root span (which starts a
 * gantt row), as the name of a span in a deep chain, and as a link attribute's key and value.
 */
export function hostileRun(): SpanRecord[] {
  const [roots = '', chain = '', batch = ''] = TRACES;
  const id = (i: number): string => i.toString(16).padStart(16, '0');
  const at = (i: number): string => HOSTILE[i % HOSTILE.length] ?? '';
  const spans = HOSTILE.flatMap((_, i) => [
    makeSpan({
      traceId: roots,
      spanId: id(i),
      name: at(i + 1),
      service: at(i),
      start: i,
      end: i % 7 === 0 ? null : i + 10,
    }),
    makeSpan({
      traceId: chain,
      spanId: id(1000 + i),
      parentSpanId: i === 0 ? null : id(1000 + i - 1),
      name: at(i),
      service: at(i + 2),
      start: i,
      end: 100,
      status: { code: i % 5 === 0 ? 'error' : 'unset' },
    }),
  ]);
  spans.push(
    makeSpan({
      traceId: batch,
      spanId: 'bbbbbbbbbbbbbbbb',
      name: 'process batch',
      links: HOSTILE.map((_, i) => ({ traceId: roots, spanId: id(i), attributes: { [at(i)]: at(i + 3) } })),
    }),
  );
  return spans;
}

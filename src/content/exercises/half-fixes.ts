/**
 * For each exercise, a plausible half-fix: the solution with one part of the goal left undone,
 * as a reader might leave it. exercises.test.ts runs each and requires Check to fail on it, on
 * the expectation (or lint rule) named in `fails`.
 */
import type { ExerciseId } from '../../course/exercise-ids.ts';

/** One half-fix: text replacements on the solution (each `from` occurs exactly once in it). */
export interface HalfFix {
  /** What the reader did, and what they left undone. */
  what: string;
  edits: ReadonlyArray<readonly [from: string, to: string]>;
  /** Matches the title of a Check item that must fail: an expectation's wording, or `Linter: <rule>`. */
  fails: RegExp;
  /** Matches what that item says was found instead, where the words matter (the span the learner sees). */
  says?: RegExp;
}

/** At least one half-fix per code exercise, by exercise id. */
export const HALF_FIXES = {
  'order-children': [
    {
      what: 'process-order and the other steps are active, but ship-order is started without being made active',
      edits: [
        [
          `      await tracer.startActiveSpan('ship-order', async (ship) => {
        await db.insert('shipments', { orderId });
        ship.end();
      });`,
          `      const ship = tracer.startSpan('ship-order');
      await db.insert('shipments', { orderId });
      ship.end();`,
        ],
      ],
      fails: /`INSERT shipments`.*child of `ship-order`/,
    },
  ],
  'link-the-batch': [
    {
      what: 'the links are added at the start, but the batch is still a child of the first message',
      edits: [
        [
          `{ kind: SpanKind.CONSUMER, links, attributes: { 'messaging.batch.message_count': messages.length } },`,
          `{ kind: SpanKind.CONSUMER, links, attributes: { 'messaging.batch.message_count': messages.length } },
    propagation.extract(ROOT_CONTEXT, messages[0]!.headers),`,
        ],
      ],
      fails: /`process-message-batch`.*root/,
    },
  ],
  'links-at-start': [
    {
      what: 'the links are built first, but still added after the span started, with addLinks',
      edits: [
        [
          `tracer.startActiveSpan('send-digest', { links }, async (span) => {`,
          `tracer.startActiveSpan('send-digest', async (span) => {
    span.addLinks(links);`,
        ],
      ],
      fails: /`send-digest`.*start/,
    },
  ],
  'single-message-parent': [
    {
      what: 'the creation context is made the parent, but the span has no link to it',
      edits: [
        [
          `    links: producer ? [{ context: producer, attributes: { 'messaging.message.id': message.id } }] : [],\n`,
          '',
        ],
      ],
      fails: /`process orders`.*link/,
    },
  ],
  'fan-out-aggregate': [
    {
      what: 'the links follow the order the calls were made, but no longer say which source each is',
      edits: [
        [
          `results.map(({ name, context }) => ({ context, attributes: { 'source.name': name } }))`,
          `results.map(({ context }) => ({ context }))`,
        ],
      ],
      fails: /`aggregate-results`.*source\.name/,
    },
  ],
  'retry-links': [
    {
      what: 'each attempt is a root, but links to the attempt just before it instead of the first',
      edits: [['    first ??= span.spanContext();', '    first = span.spanContext();']],
      fails: /retry\.attempt.*3/,
      // Named as the learner tells the attempts apart: by retry.attempt, not by trace id.
      says: /^`create-label` with `retry\.attempt` = 3 has link 1 pointing to `create-label` with `retry\.attempt` = 2, not to/,
    },
  ],
  'saga-compensation': [
    {
      what: 'the compensation runs under book-trip, but without its links to the steps it undoes',
      edits: [['await compensate(done, stepLinks);', 'await compensate(done, []);']],
      fails: /`saga-compensation`.*link/,
    },
  ],
  'fix-the-trace': [
    {
      what: 'the links are given at the start with order.id, but upload-file is still never ended',
      edits: [['        upload.end();\n', '']],
      fails: /^every span was ended$/,
      says: /^`upload-file` was never ended$/,
    },
  ],
  'bind-the-callback': [
    {
      what: 'the query callback is bound to the request, but the row listener is not',
      edits: [
        [
          `rows.on(
    'row',
    context.bind(request, () => tracer.startSpan('format-row').end()),
  );`,
          `rows.on('row', () => tracer.startSpan('format-row').end());`,
        ],
      ],
      fails: /`format-row`.*child of `GET \/report`/,
    },
  ],
  'carry-the-context': [
    {
      what: 'submit-payment gets the kept context, but the timer callback is left unbound',
      edits: [
        [
          `      setTimeout(
        context.bind(ctx, () => {
          tracer.startSpan('show-receipt').end();
          done();
        }),
        50,
      );`,
          `      setTimeout(() => {
        tracer.startSpan('show-receipt').end();
        done();
      }, 50);`,
        ],
      ],
      fails: /`show-receipt`.*child of `checkout`/,
    },
  ],
  'invoice-links': [
    {
      what: 'the links are given at the start, but the invoice is still the child of the first order',
      edits: [
        [
          `  await tracer.startActiveSpan('send-invoice', { root: true, links }, async (invoice) => {`,
          `  const parent = trace.setSpanContext(ROOT_CONTEXT, orders[0]!.context);
  await tracer.startActiveSpan('send-invoice', { links }, parent, async (invoice) => {`,
        ],
        [`import { trace, type Link`, `import { ROOT_CONTEXT, trace, type Link`],
      ],
      fails: /`send-invoice`.*root/,
    },
    {
      what: 'the invoice is a root, but its links are added after it started, with addLinks',
      edits: [
        [
          `  await tracer.startActiveSpan('send-invoice', { root: true, links }, async (invoice) => {`,
          `  await tracer.startActiveSpan('send-invoice', { root: true }, async (invoice) => {
    invoice.addLinks(links);`,
        ],
      ],
      fails: /`send-invoice`.*start/,
    },
  ],
  'batch-send': [
    {
      what: 'a create span per message and a linked CLIENT send span, but no context injected: the messages carry the send span',
      edits: [
        [`      propagation.inject(trace.setSpan(context.active(), create), headers); // the creation context\n`, ''],
        [`import { context, propagation,`, `import { propagation,`],
      ],
      fails: /`receive orders`.*`create orders`/,
    },
    {
      what: 'the producer side is done and receive is a CLIENT span, but its links are added after it started',
      edits: [
        [
          `  tracer.startSpan('receive orders', { kind: SpanKind.CLIENT, root: true, startTime: asked, links, attributes }).end();`,
          `  const receive = tracer.startSpan('receive orders', { kind: SpanKind.CLIENT, root: true, startTime: asked, attributes });
  receive.addLinks(links);
  receive.end();`,
        ],
      ],
      fails: /`receive orders`.*start/,
    },
    {
      what: 'create spans, injection and links are right, but the send span is still a PRODUCER',
      edits: [
        [
          `{ kind: SpanKind.CLIENT, links, attributes: count }`,
          `{ kind: SpanKind.PRODUCER, links, attributes: count }`,
        ],
      ],
      fails: /`send orders`.*client/,
    },
  ],
  'sample-with-the-order': [
    {
      what: 'the creation context is passed as the parent, but `root: true` is left in the options',
      edits: [
        [
          `const options = { kind: SpanKind.CONSUMER, links };`,
          `const options = { kind: SpanKind.CONSUMER, root: true, links };`,
        ],
      ],
      fails: /`ship order`.*child of its `send order`/,
      // The trace as every view names it: its number and short id, "trace 3 · 2c092a71…".
      says: /^found 5 spans matching `ship order`, not 2; `ship order` in trace 3 · [0-9a-f]{8}… is a root, not a child of `send order`/,
    },
    {
      what: 'ship order is made a child, and its link to the message is dropped as redundant',
      edits: [[`const options = { kind: SpanKind.CONSUMER, links };`, `const options = { kind: SpanKind.CONSUMER };`]],
      fails: /`ship order` has 1 link to `send order`/,
    },
  ],
  'keep-the-batch': [
    {
      what: 'the links are given at the start, but the link-aware sampler is not put under ParentBasedSampler',
      edits: [
        [
          `export const sampler: Sampler = new ParentBasedSampler({ root: linkAware });`,
          `export const sampler: Sampler = linkAware;`,
        ],
      ],
      fails: /^its 4 `handle` spans are kept with it/,
    },
    {
      what: 'the sampler is put under ParentBasedSampler, but the links are still added after the start',
      edits: [
        [
          `const batch = tracer.startSpan('process batch', { kind: SpanKind.CONSUMER, links });`,
          `const batch = tracer.startSpan('process batch', { kind: SpanKind.CONSUMER });
  batch.addLinks(links);`,
        ],
      ],
      fails: /^`process batch` is kept/,
      says: /^the sampler dropped the `process batch` span the run started, so none was kept/,
    },
  ],
} satisfies Record<ExerciseId, readonly HalfFix[]>;

/** A plausible half-answer to a SQL exercise: a query a reader might write, and what Check must say to it. */
export interface SqlHalfAnswer {
  /** What the reader did, and what they left undone. */
  what: string;
  query: string;
  /** Matches the message of the failing verdict. */
  says: RegExp;
}

/** At least one half-answer per SQL exercise, by exercise id; sql-exercises.test.ts runs each on the real engine. */
export const SQL_HALF_ANSWERS = {
  'find-unlinked-producers': [
    {
      what: 'every producer, without leaving out those a consumer links to',
      query: `SELECT span_id, name FROM spans WHERE kind = 'producer'`,
      says: /^The result holds 3 producer spans a consumer links to/,
    },
    {
      what: 'an inner join: the producers a consumer does link to',
      query: `SELECT s.span_id FROM spans AS s JOIN span_links AS l ON l.linked_span_id = s.span_id WHERE s.kind = 'producer'`,
      says: /^The result holds 3 producer spans a consumer links to/,
    },
    {
      what: 'the anti-join, but over every span, not only producers',
      query: `SELECT s.span_id FROM spans AS s LEFT JOIN span_links AS l ON l.linked_span_id = s.span_id
WHERE l.source_span_id IS NULL`,
      says: /not producers: keep only `kind = 'producer'`/,
    },
    {
      what: 'only the orders topic: the dead-lettered message is left out',
      query: `SELECT s.span_id FROM spans AS s LEFT JOIN span_links AS l ON l.linked_span_id = s.span_id
WHERE s.name = 'send orders' AND l.source_span_id IS NULL`,
      says: /^The result misses 1 producer span that no consumer links to: `send orders\.dlq` \(span [0-9a-f]{16}\)\.$/,
    },
    {
      what: 'the right spans, named but without their span_id',
      query: `SELECT s.name, s.trace_id FROM spans AS s LEFT JOIN span_links AS l ON l.linked_span_id = s.span_id
WHERE s.kind = 'producer' AND l.source_span_id IS NULL`,
      says: /`span_id` column/,
    },
  ],
} satisfies Record<ExerciseId, readonly SqlHalfAnswer[]>;

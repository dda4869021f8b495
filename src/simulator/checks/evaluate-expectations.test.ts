import { beforeAll, describe, expect, it } from 'vitest';
import { runScenarioFile } from '../testing/trace-shape.ts';
import type { SpanRecord } from '../trace/model.ts';
import { makeSpan, TRACE_A, TRACE_B } from '../trace/otlp-test-spans.ts';
import { evaluateExpectations } from './evaluate-expectations.ts';
import { shortId } from '../views/span-label.ts';
import { buildWaterfall } from '../views/waterfall.ts';
import type { Expectation } from './expectation-schema.ts';

// The batch anti-pattern: three producers in traces 1–3, the batch a child of the first.
let parented: SpanRecord[];
beforeAll(async () => {
  parented = (await runScenarioFile('batch-consumer-parented.ts')).spans;
});

const verdict = (spans: SpanRecord[], expectation: Expectation) => evaluateExpectations(spans, [expectation])[0];

describe('evaluateExpectations on a real run', () => {
  it('passes with an empty message when the trace is as expected', () => {
    expect(verdict(parented, { span: 'process-message *', count: 3, parent: 'process-message-batch' })).toEqual({
      description: '3 spans match `process-message *`; each is a child of `process-message-batch`',
      passed: true,
      message: '',
    });
  });

  it('says what was found instead: a child of the first producer, not a root, and no links', () => {
    const expectation: Expectation = {
      span: 'process-message-batch',
      root: true,
      links: { count: 3, into: 'separate-traces', attributes: ['messaging.message.id'] },
    };
    expect(verdict(parented, expectation)).toEqual({
      description:
        '`process-message-batch` is a root and has 3 links into 3 different traces, each carrying `messaging.message.id`',
      passed: false,
      message:
        '`process-message-batch` is a child of `send orders` in trace 1 · 68fe3018…, not a root; has no links, not 3',
      faults: [expect.objectContaining({ fault: 'root' }), expect.objectContaining({ fault: 'links' })],
    });
  });

  it('names the first span that fails and counts the others', () => {
    expect(verdict(parented, { span: 'process-message *', kind: 'consumer' })?.message).toBe(
      '`process-message m1` has kind internal, not consumer (and 2 more of the 3 selected spans fail)',
    );
  });

  it('reports a wrong count and a trace layout, naming the traces', () => {
    expect(verdict(parented, { span: 'send orders', count: 2, traces: 'same' })?.message).toBe(
      'found 3 spans matching `send orders`, not 2; the `send orders` spans are in 3 traces, not one: trace 1 · 68fe3018…, trace 2 · 5b31aa09… and trace 3 · cca8639f…',
    );
    expect(verdict(parented, { span: '*', traces: 'separate' })?.message).toBe('5 spans share trace 1 · 68fe3018…');
  });

  it('lists the names the run has when nothing matches', () => {
    expect(verdict(parented, { span: 'process-batch', kind: 'consumer' })?.message).toBe(
      'no span matches `process-batch`; the run has `send orders`, `process-message-batch`, `process-message m1`, `process-message m2` and `process-message m3`',
    );
  });

  it('keeps an expectation’s own description', () => {
    expect(verdict(parented, { span: 'send orders', description: 'three orders are sent', count: 3 })).toEqual({
      description: 'three orders are sent',
      passed: true,
      message: '',
    });
  });
});

describe('evaluateExpectations on an imported trace', () => {
  const producer = makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', name: 'send', kind: 'producer' });
  const batch = makeSpan({
    spanId: 'bbbbbbbbbbbbbbbb',
    traceId: TRACE_B,
    name: 'batch',
    parentSpanId: 'cccccccccccccccc',
    links: [
      { traceId: TRACE_A, spanId: 'aaaaaaaaaaaaaaaa', attributes: {} },
      { traceId: TRACE_A, spanId: 'dddddddddddddddd', attributes: { 'messaging.message.id': 'm2' } },
    ],
  });
  const spans = [producer, batch];

  it('says when a parent or a link target is not in the file', () => {
    expect(verdict(spans, { span: 'batch', parent: 'send' })?.message).toBe(
      '`batch` has a parent (span cccccccc…) that is not in this run, not `send`',
    );
    expect(verdict(spans, { span: 'batch', links: { to: 'send' } })?.message).toBe(
      '`batch` has link 2 pointing to span dddddddd… in trace 0af76519…, which is not in this run',
    );
  });

  it('says which link misses an attribute and where links point', () => {
    expect(verdict(spans, { span: 'batch', links: { attributes: ['messaging.message.id'] } })?.message).toBe(
      '`batch` has link 1, to `send` in trace 1 · 0af76519…, with no `messaging.message.id`',
    );
    expect(verdict(spans, { span: 'batch', links: { into: 'separate-traces' } })?.message).toBe(
      '`batch` has links 1 and 2 both pointing into trace 1 · 0af76519…',
    );
    expect(verdict(spans, { span: 'batch', links: { into: 'own-trace' } })?.message).toBe(
      '`batch` has link 1 pointing into trace 1 · 0af76519…, not into its own, trace 2 · 4bf92f35…',
    );
  });

  it('compares attribute values and says what they are', () => {
    const order = makeSpan({
      spanId: 'eeeeeeeeeeeeeeee',
      name: 'order',
      attributes: { 'order.id': 'o-2', items: [1, 2] },
    });
    expect(verdict([order], { span: 'order', attributes: { 'order.id': 'o-1', items: [1, 2] } })?.message).toBe(
      '`order` has `order.id` = "o-2", not "o-1"',
    );
    expect(verdict([order], { span: 'order', attributes: ['order.id', 'user.id'], ended: false })?.message).toBe(
      '`order` was ended; has no `user.id`',
    );
  });
});

describe('evaluateExpectations with a list of link targets', () => {
  // The aggregation links to its three calls in the order they were made: inventory, pricing, reviews.
  let fanOut: SpanRecord[];
  beforeAll(async () => {
    fanOut = (await runScenarioFile('fan-out.ts')).spans;
  });

  it('passes when each link points where its entry says, in order', () => {
    const links = { to: ['call inventory', 'call pricing', 'call reviews'] };
    expect(verdict(fanOut, { span: 'aggregate-results', links })).toEqual({
      description:
        '`aggregate-results` has links to `call inventory`, `call pricing` and `call reviews` (in that order)',
      passed: true,
      message: '',
    });
  });

  it('names the first link out of order, and a list of the wrong length', () => {
    expect(
      verdict(fanOut, { span: 'aggregate-results', links: { to: ['call pricing', 'call inventory', 'call reviews'] } })
        ?.message,
    ).toBe('`aggregate-results` has link 1 pointing to `call inventory`, not to `call pricing`');
    expect(
      verdict(fanOut, { span: 'aggregate-results', links: { to: ['call inventory', 'call pricing'] } })?.message,
    ).toBe('`aggregate-results` has 3 links, not 2');
  });
});

describe('evaluateExpectations on links given at the start', () => {
  const order = makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', name: 'place-order' });
  const link = { traceId: TRACE_A, spanId: 'aaaaaaaaaaaaaaaa', attributes: { 'order.id': 'o-1' } };
  const digest = (addedAfterStart?: boolean): SpanRecord =>
    makeSpan({
      spanId: 'bbbbbbbbbbbbbbbb',
      traceId: TRACE_B,
      name: 'send-digest',
      links: [addedAfterStart === undefined ? link : { ...link, addedAfterStart }],
    });

  it('passes for links given at the start, and for a trace that does not say (a file from elsewhere)', () => {
    expect(verdict([order, digest(false)], { span: 'send-digest', links: { atStart: true } })?.passed).toBe(true);
    expect(verdict([order, digest()], { span: 'send-digest', links: { atStart: true } })?.passed).toBe(true);
  });

  it('names a link added with addLink after the span started', () => {
    expect(verdict([order, digest(true)], { span: 'send-digest', links: { count: 1, atStart: true } })).toEqual({
      description: '`send-digest` has 1 link, given when it started',
      passed: false,
      message:
        '`send-digest` has link 1, to `place-order` in trace 1 · 0af76519…, added after it started (addLink or addLinks), not given at its start',
      faults: [expect.objectContaining({ spanId: digest(true).spanId, fault: 'links-at-start' })],
    });
  });
});

describe('evaluateExpectations on a sampled run', () => {
  const order = makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', name: 'send order', kind: 'producer' });
  const dropped = makeSpan({ spanId: 'dddddddddddddddd', traceId: TRACE_B, name: 'send order', kind: 'producer' });
  const ship = makeSpan({
    spanId: 'bbbbbbbbbbbbbbbb',
    traceId: TRACE_B,
    name: 'ship order',
    links: [{ traceId: TRACE_B, spanId: 'dddddddddddddddd', attributes: {} }],
  });
  const batch = makeSpan({ spanId: 'cccccccccccccccc', name: 'process batch', kind: 'consumer' });
  const handle = (n: number) => makeSpan({ spanId: `eeeeeeeeeeeeeee${n}`, name: `handle m${n}` });
  const check = (spans: SpanRecord[], expectation: Expectation, notKept: SpanRecord[]) =>
    evaluateExpectations(spans, [expectation], notKept)[0]?.message;

  it('says a span the sampler dropped was dropped, not that the run has none', () => {
    expect(check([order], { span: 'process batch', count: 1 }, [batch])).toBe(
      'the sampler dropped the `process batch` span the run started, so none was kept (expected 1 kept)',
    );
    expect(check([order], { span: 'handle *', count: 2 }, [handle(1), handle(2)])).toBe(
      'the sampler dropped all 2 `handle *` spans the run started, so none was kept (expected 2 kept)',
    );
    expect(check([order, handle(1)], { span: 'handle *', count: 2 }, [handle(2)])).toBe(
      'found 1 span matching `handle *`, not 2: the sampler dropped 1 more',
    );
    expect(check([order], { span: 'process batch' }, [batch])).toBe(
      'the sampler dropped the `process batch` span the run started, so none was kept',
    );
    // Nothing dropped: as before.
    expect(check([order], { span: 'process batch', count: 1 }, [])).toBe(
      'no span matches `process batch`; the run has `send order` (expected 1)',
    );
  });

  it('names a link target the sampler dropped, and says a trace is not in the run once', () => {
    expect(check([order, ship], { span: 'ship order', links: { to: 'send order' } }, [dropped])).toBe(
      '`ship order` has link 1 pointing to `send order`, which the sampler did not keep',
    );
    expect(check([order, ship], { span: 'ship order', links: { to: 'send order' } }, [])).toBe(
      '`ship order` has link 1 pointing to span dddddddd… in trace 4bf92f35…, which is not in this run',
    );
  });

  it('names the trace of a root once, when the name alone does not tell the spans apart', () => {
    expect(check([order, dropped, ship], { span: 'send order', parent: 'ship order' }, [])).toBe(
      '`send order` in trace 1 · 0af76519… is a root, not a child of `ship order` (and 1 more of the 2 selected spans fail)',
    );
    expect(check([order, ship], { span: 'ship order', parent: 'send order' }, [])).toBe(
      '`ship order` is the root of trace 2 · 4bf92f35…, not a child of `send order`',
    );
  });
});

describe('evaluateExpectations names traces as the waterfall does', () => {
  it('by the number the waterfall titles each trace with, and the short id its legend shows', () => {
    // The consumer's trace starts first: the waterfall draws it as trace 1, its producer as trace 2.
    const consumer = makeSpan({
      traceId: TRACE_B,
      spanId: 'cccccccccccccccc',
      name: 'process order',
      start: 1000,
      end: 1010,
    });
    const producer = makeSpan({
      traceId: TRACE_A,
      spanId: 'aaaaaaaaaaaaaaaa',
      name: 'send order',
      start: 1005,
      end: 1008,
    });
    const spans = [consumer, producer];
    const legend = buildWaterfall(spans).sections.map((s) => `trace ${String(s.number)} · ${shortId(s.traceId)}`);
    expect(legend).toEqual(['trace 1 · 4bf92f35…', 'trace 2 · 0af76519…']);
    expect(verdict(spans, { span: '*', traces: 'same' })?.message).toBe(
      `the spans are in 2 traces, not one: ${legend.join(' and ')}`,
    );
    expect(verdict(spans, { span: 'send order', parent: 'process order' })?.message).toBe(
      `\`send order\` is the root of ${legend[1] ?? ''}, not a child of \`process order\``,
    );
  });
  it('by number alone past three traces', () => {
    const spans = ['1', '2', '3', '4'].map((d) => makeSpan({ traceId: d.repeat(32), spanId: d.repeat(16) }));
    expect(verdict(spans, { span: 'work', traces: 'same' })?.message).toBe(
      'the `work` spans are in 4 traces, not one: traces 1, 2, 3 and 4',
    );
  });
});

describe('evaluateExpectations says each fault once', () => {
  const upload = makeSpan({
    spanId: 'bbbbbbbbbbbbbbbb',
    parentSpanId: 'aaaaaaaaaaaaaaaa',
    name: 'upload-file',
    end: null,
  });
  const job = makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', name: 'export-orders' });

  it('points to the check above when a later one finds only the faults it reports', () => {
    const [named, every] = evaluateExpectations(
      [job, upload],
      [
        { span: 'upload-file', ended: true },
        { span: '*', ended: true, description: 'every span was ended' },
      ],
    );
    expect(named?.message).toBe('`upload-file` was never ended');
    expect(every).toEqual({
      description: 'every span was ended',
      passed: false,
      message: 'the same fault as the check above, in `upload-file`',
      faults: [{ traceId: upload.traceId, spanId: upload.spanId, fault: 'ended' }],
    });
  });

  it('says a fault in full where it is new', () => {
    const [, every] = evaluateExpectations(
      [job, upload],
      [
        { span: 'upload-file', parent: 'export-orders' },
        { span: '*', ended: true },
      ],
    );
    expect(every?.message).toBe('`upload-file` was never ended');
  });
});

describe('evaluateExpectations names same-named spans by the attributes it selects them by', () => {
  const attempt = (n: number, parent: string | null) =>
    makeSpan({
      spanId: `000000000000000${n}`,
      parentSpanId: parent,
      name: 'create-label',
      attributes: { 'retry.attempt': n },
    });
  const nested = [attempt(1, null), attempt(2, '0000000000000001'), attempt(3, '0000000000000002')];

  it('says which attempt is nested under which, in the words of the selectors', () => {
    const [first] = evaluateExpectations(nested, [
      { span: 'create-label', root: true },
      { span: { name: 'create-label', where: { 'retry.attempt': 1 } }, status: 'unset' },
    ]);
    expect(first?.message).toBe(
      '`create-label` with `retry.attempt` = 2 is a child of `create-label` with `retry.attempt` = 1, not a root (and 1 more of the 3 selected spans fail)',
    );
  });

  it('keeps naming spans by name alone when no expectation selects by an attribute', () => {
    expect(verdict(nested, { span: 'create-label', root: true })?.message).toBe(
      '`create-label` is a child of `create-label`, not a root (and 1 more of the 3 selected spans fail)',
    );
  });
});

describe('evaluateExpectations says a fault every link shares once', () => {
  const order = (n: number) =>
    makeSpan({ spanId: `a00000000000000${n}`, traceId: `${n}`.repeat(32), name: 'place-order' });
  const orders = [order(1), order(2), order(3)];
  const job = (late: boolean, attributes: (n: number) => Record<string, string>) =>
    makeSpan({
      spanId: 'bbbbbbbbbbbbbbbb',
      traceId: TRACE_B,
      name: 'export-orders',
      links: orders.map((o, i) => ({
        traceId: o.traceId,
        spanId: o.spanId,
        attributes: attributes(i),
        addedAfterStart: late,
      })),
    });
  const expectation: Expectation = {
    span: 'export-orders',
    links: { count: 3, attributes: ['order.id'], atStart: true },
  };

  it('all links added late and none carrying the attribute: one phrase each, not "link 1"', () => {
    expect(evaluateExpectations([...orders, job(true, () => ({}))], [expectation])[0]?.message).toBe(
      '`export-orders` has 3 links, each with no `order.id`; has all 3 links added after it started (addLink or addLinks), none given at its start',
    );
  });

  it('names the one link at fault when the others are right', () => {
    const some = job(false, (i) => (i === 1 ? {} : { 'order.id': `o${i}` }));
    expect(evaluateExpectations([...orders, some], [expectation])[0]?.message).toBe(
      '`export-orders` has link 2, to `place-order` in trace 2 · 22222222…, with no `order.id`',
    );
  });
});

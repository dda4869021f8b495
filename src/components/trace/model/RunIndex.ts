import {
  danglingTargets,
  groupByTrace,
  spanKey,
  treeOrder,
  type DanglingReason,
  type DanglingTarget,
  type SpanLinkRecord,
  type SpanRecord,
} from '@spanlab/engine';
import type { SpanRef } from './span-ref.ts';

/** One trace of the run: its spans in tree order and its time range. */
export interface TraceEntry {
  traceId: string;
  /** Position among the run's traces (in order of their first span). */
  index: number;
  spans: IndexedSpan[];
  /** Earliest start, unix ms. */
  start: number;
  /** Latest end (or start, for spans never ended), unix ms. */
  end: number;
}

/** A span with its place in the views. */
export interface IndexedSpan {
  span: SpanRecord;
  key: string;
  depth: number;
  /** Position among all spans, traces in order, each in tree order: the link graph's node `s<order>`. */
  order: number;
  /** Position within its trace's tree order: the waterfall bar `s<row>` of its trace's chart. */
  row: number;
  trace: TraceEntry;
}

/** A link that points at a span, seen from the span it points at. */
export interface IncomingLink {
  /** The span that holds the link. */
  from: IndexedSpan;
  link: SpanLinkRecord;
}

/**
 * The spans of a run indexed for the views: by reference, in drawing order, with links in. It
 * knows the spans the run's sampler did not keep (`unsampled`), shown among `spans` or not, so
 * the views can say which links dangle: a kept span's link to a span no backend received.
 */
export class RunIndex {
  /** The traces, in order of their first span. */
  readonly traces: TraceEntry[] = [];
  /** Every span, in the link graph's order. */
  readonly spans: IndexedSpan[] = [];
  /** The spans indexed, as given (the views draw these). */
  readonly records: readonly SpanRecord[];
  /** Every span the run's sampler did not keep, whether among `records` or not. */
  readonly unsampled: readonly SpanRecord[];
  readonly #dangling: Map<string, DanglingTarget>;
  readonly #unsampledByKey = new Map<string, SpanRecord>();
  readonly #byKey = new Map<string, IndexedSpan>();
  readonly #bySpanId = new Map<string, IndexedSpan>();
  readonly #linksIn = new Map<string, IncomingLink[]>();
  readonly #children = new Map<IndexedSpan, IndexedSpan[]>();

  /** `spans` are the spans to show (kept ones, and those not kept when shown); `unsampled` all those not kept. */
  constructor(spans: readonly SpanRecord[], unsampled: readonly SpanRecord[] = []) {
    this.records = spans;
    this.unsampled = unsampled;
    this.#dangling = danglingTargets({ spans, unsampledSpans: unsampled });
    for (const span of unsampled) this.#unsampledByKey.set(spanKey(span.traceId, span.spanId), span);
    for (const [traceId, traceSpans] of groupByTrace(spans)) {
      const trace: TraceEntry = { traceId, index: this.traces.length, spans: [], start: Infinity, end: -Infinity };
      this.traces.push(trace);
      for (const { span, depth } of treeOrder(traceSpans)) {
        const entry: IndexedSpan = {
          span,
          key: spanKey(span.traceId, span.spanId),
          depth,
          order: this.spans.length,
          row: trace.spans.length,
          trace,
        };
        trace.spans.push(entry);
        this.spans.push(entry);
        trace.start = Math.min(trace.start, span.start);
        trace.end = Math.max(trace.end, span.end ?? span.start);
        // The first of spans sharing ids wins, as in the link graph.
        if (!this.#byKey.has(entry.key)) this.#byKey.set(entry.key, entry);
        if (!this.#bySpanId.has(span.spanId)) this.#bySpanId.set(span.spanId, entry);
      }
    }
    for (const from of this.spans) {
      const parent = this.parentOf(from);
      if (parent !== undefined && parent !== from) {
        const siblings = this.#children.get(parent);
        if (siblings) siblings.push(from);
        else this.#children.set(parent, [from]);
      }
      for (const link of from.span.links) {
        const key = spanKey(link.traceId, link.spanId);
        const list = this.#linksIn.get(key);
        if (list) list.push({ from, link });
        else this.#linksIn.set(key, [{ from, link }]);
      }
    }
  }

  /** The span a reference names, if it is in the run. */
  find(ref: SpanRef): IndexedSpan | undefined {
    return this.#byKey.get(spanKey(ref.traceId, ref.spanId));
  }

  /** The first span with this span id, in any trace. */
  findSpanId(spanId: string): IndexedSpan | undefined {
    return this.#bySpanId.get(spanId);
  }

  /** The span's parent, if it is in the run. */
  parentOf(entry: IndexedSpan): IndexedSpan | undefined {
    const { traceId, parentSpanId } = entry.span;
    return parentSpanId === null ? undefined : this.find({ traceId, spanId: parentSpanId });
  }

  /** The span's children in the run, in tree order. */
  childrenOf(entry: IndexedSpan): readonly IndexedSpan[] {
    return this.#children.get(entry) ?? [];
  }

  /** The links that point at this span (the back-references), in drawing order of their holders. */
  linksIn(entry: IndexedSpan): readonly IncomingLink[] {
    return this.#linksIn.get(entry.key) ?? [];
  }

  /**
   * Why a link of this kept span dangles — its target was not kept — or undefined when it does not.
   * (A target never ended dangles too, but the views mark it "never ended" where it is drawn.)
   */
  danglingOf(from: IndexedSpan, link: SpanLinkRecord): DanglingReason | undefined {
    if (from.span.sampled === false) return undefined;
    const reason = this.#dangling.get(spanKey(link.traceId, link.spanId))?.reason;
    return reason === 'not-sampled' ? reason : undefined;
  }

  /** A span the sampler did not keep, shown or not. */
  findUnsampled(ref: SpanRef): SpanRecord | undefined {
    return this.#unsampledByKey.get(spanKey(ref.traceId, ref.spanId));
  }

  /** The trace with this id. */
  trace(traceId: string): TraceEntry | undefined {
    return this.traces.find((trace) => trace.traceId === traceId);
  }
}

import type { SpanLinkRecord, SpanRecord } from '../trace/model.ts';
import { shortId, traceName } from '../views/span-label.ts';
import { traceNumbers } from '../views/trace-numbers.ts';
import { spanKey } from '../trace/span-key.ts';
import { formatValue, joinWords } from './span-selector.ts';

/**
 * A run's spans, indexed for the checks: parents, children and link targets within the run,
 * and traces numbered as the waterfall of the same spans numbers them. Messages name a trace by
 * that number and its short id (`trace 2 · 4bf92f35…`): the waterfall's section title and legend,
 * and the link graph's box.
 * Span ids are looked up within their trace, so an imported file that repeats an id is safe.
 */
export class TraceIndex {
  /** The spans, in the order given (a run gives them in start order). */
  readonly spans: readonly SpanRecord[];
  readonly #byKey = new Map<string, SpanRecord>();
  readonly #children = new Map<SpanRecord, SpanRecord[]>();
  readonly #traceNumbers: ReadonlyMap<string, number>;
  readonly #nameCounts = new Map<string, number>();
  readonly #notKept = new Map<string, SpanRecord>();

  readonly #tellingKeys: readonly string[];

  /**
   * `notKept`: the spans the run started and its sampler dropped (`unsampledSpans`), to name a
   * link's target. `tellingKeys`: attributes that tell same-named spans apart in messages (the
   * keys an expectation selects by, as `retry.attempt`): such a span is named by them, not its trace.
   */
  constructor(
    spans: readonly SpanRecord[],
    { notKept = [], tellingKeys = [] }: { notKept?: readonly SpanRecord[]; tellingKeys?: readonly string[] } = {},
  ) {
    this.spans = spans;
    this.#tellingKeys = tellingKeys;
    this.#traceNumbers = traceNumbers(spans);
    for (const span of notKept) this.#notKept.set(spanKey(span.traceId, span.spanId), span);
    for (const span of spans) {
      this.#nameCounts.set(span.name, (this.#nameCounts.get(span.name) ?? 0) + 1);
      const key = spanKey(span.traceId, span.spanId);
      if (!this.#byKey.has(key)) this.#byKey.set(key, span);
    }
    for (const span of spans) {
      const parent = this.parent(span);
      if (parent === undefined) continue;
      const siblings = this.#children.get(parent);
      if (siblings) siblings.push(span);
      else this.#children.set(parent, [span]);
    }
  }

  /** The span's parent, when it is in the run (not itself). */
  parent(span: SpanRecord): SpanRecord | undefined {
    if (span.parentSpanId === null) return undefined;
    const parent = this.#byKey.get(spanKey(span.traceId, span.parentSpanId));
    return parent === span ? undefined : parent;
  }

  /** The span's children in the run, in the order given. */
  children(span: SpanRecord): readonly SpanRecord[] {
    return this.#children.get(span) ?? [];
  }

  /** The other children of the span's parent (none for a root). */
  siblings(span: SpanRecord): SpanRecord[] {
    const parent = this.parent(span);
    return parent ? this.children(parent).filter((s) => s !== span) : [];
  }

  /** Parent, grandparent, … up to the first span whose parent is not in the run (cycles cut). */
  ancestors(span: SpanRecord): SpanRecord[] {
    const found: SpanRecord[] = [];
    const seen = new Set<SpanRecord>([span]);
    for (let next = this.parent(span); next !== undefined && !seen.has(next); next = this.parent(next)) {
      seen.add(next);
      found.push(next);
    }
    return found;
  }

  /** The span a link points to, when it is in the run. */
  linkTarget(link: SpanLinkRecord): SpanRecord | undefined {
    return this.#byKey.get(spanKey(link.traceId, link.spanId));
  }

  /** The span a link points to when the run started it but the sampler dropped it. */
  notKeptTarget(link: SpanLinkRecord): SpanRecord | undefined {
    return this.#notKept.get(spanKey(link.traceId, link.spanId));
  }

  /** A trace's number in this run, from 1, as the waterfall titles it; 0 for a trace not in it. */
  traceNumber(traceId: string): number {
    return this.#traceNumbers.get(traceId) ?? 0;
  }

  /** How many traces the run has. */
  get traceCount(): number {
    return this.#traceNumbers.size;
  }

  /**
   * How a message names a span: `` `name` ``, with its trace when asked and the run has several
   * (`` `name` in trace 2 · 4bf92f35… ``); a span whose name others share and that has a telling key,
   * by its value instead (`` `create-label` with `retry.attempt` = 2 ``).
   */
  label(span: SpanRecord, withTrace = false): string {
    const name = `\`${span.name}\``;
    const telling = this.isAmbiguous(span) ? this.#tellingKeys.filter((key) => span.attributes[key] !== undefined) : [];
    if (telling.length > 0) {
      return `${name} with ${joinWords(telling.map((key) => `\`${key}\` = ${formatValue(span.attributes[key])}`))}`;
    }
    return withTrace && this.traceCount > 1 ? `${name} in ${this.traceLabel(span.traceId)}` : name;
  }

  /** How a message names a trace, as the views do: `trace 2 · 4bf92f35…`, or `trace 4bf92f35… (not in this run)`. */
  traceLabel(traceId: string): string {
    const number = this.traceNumber(traceId);
    return number > 0 ? traceName(number, traceId) : `trace ${shortId(traceId)} (not in this run)`;
  }

  /** Whether another span in the run has the same name, so a message should add its trace. */
  isAmbiguous(span: SpanRecord): boolean {
    return (this.#nameCounts.get(span.name) ?? 0) > 1;
  }

  /** A label that tells the span apart from others of its name. */
  distinctLabel(span: SpanRecord): string {
    return this.label(span, this.isAmbiguous(span));
  }
}

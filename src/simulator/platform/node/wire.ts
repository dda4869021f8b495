/**
 * The IPC wire form of a batch of RunEvents. Each span's links cross as one flat array of numbers
 * and attribute values, against two tables of the batch: the span contexts the links point to and
 * the lists of attribute keys they use. A span with 100 links to one span, each with one
 * attribute, crosses as about 700 bytes of JSON instead of 7,500.
 */
import type { RunEvent } from '../../runtime/protocol.ts';
import type { AttributeValue, Attributes, SpanLinkRecord, SpanRecord } from '../../trace/model.ts';

/**
 * A span's links, flattened: per link its context's index in the batch times four, plus two when
 * its context is not sampled and one when it was added after the span started; its key list's
 * index; then one value per key.
 */
type WireLinks = Array<number | AttributeValue>;
type WireSpan = Omit<SpanRecord, 'links'> & { links: WireLinks };
type SpanEvent = Extract<RunEvent, { span: SpanRecord }>;
/** A RunEvent as it crosses the IPC channel. */
export type WireEvent = Exclude<RunEvent, SpanEvent> | (Omit<SpanEvent, 'span'> & { span: WireSpan });

/** A batch of events as it crosses the IPC channel. */
export interface WireBatch {
  /** The span contexts the batch's links point to, flattened: trace id, span id, trace id, … */
  contexts: string[];
  /** The lists of attribute keys the batch's links use. */
  keys: string[][];
  events: WireEvent[];
}

interface KeyNode {
  index: number;
  next: Map<string, KeyNode> | undefined;
}

/** Packs a batch for the channel. */
export function toWire(events: readonly RunEvent[]): WireBatch {
  const contexts: string[] = [];
  const contextIndex = new Map<string, Map<string, number>>();
  const keys: string[][] = [[]];
  const keysRoot: KeyNode = { index: 0, next: undefined };

  const contextOf = (traceId: string, spanId: string): number => {
    let bySpan = contextIndex.get(traceId);
    if (!bySpan) contextIndex.set(traceId, (bySpan = new Map<string, number>()));
    let index = bySpan.get(spanId);
    if (index === undefined) {
      index = contexts.length / 2;
      bySpan.set(spanId, index);
      contexts.push(traceId, spanId);
    }
    return index;
  };
  // The key lists form a trie, so a link's list is found without building a string for it.
  const packLink = (link: SpanLinkRecord, out: WireLinks): void => {
    out.push(
      contextOf(link.traceId, link.spanId) * 4 + (link.sampled === false ? 2 : 0) + (link.addedAfterStart ? 1 : 0),
    );
    const at = out.length;
    out.push(0);
    let node = keysRoot;
    const attributes = link.attributes;
    for (const key in attributes) {
      out.push(attributes[key]!);
      let next = node.next?.get(key);
      if (!next) {
        next = { index: keys.length, next: undefined };
        keys.push([...keys[node.index]!, key]);
        (node.next ??= new Map<string, KeyNode>()).set(key, next);
      }
      node = next;
    }
    out[at] = node.index;
  };

  const packed = events.map((event): WireEvent => {
    if (!('span' in event) || event.span.links.length === 0) return event as WireEvent;
    const links: WireLinks = [];
    for (const link of event.span.links) packLink(link, links);
    return { ...event, span: { ...event.span, links } };
  });
  return { contexts, keys, events: packed };
}

/** Unpacks a batch from the channel. */
export function fromWire(batch: WireBatch): RunEvent[] {
  const { contexts, keys } = batch;
  return batch.events.map((event): RunEvent => {
    if (!('span' in event)) return event;
    const wire = event.span;
    const links: SpanLinkRecord[] = [];
    for (let i = 0; i < wire.links.length;) {
      const ref = wire.links[i++] as number;
      const names = keys[wire.links[i++] as number]!;
      const attributes: Attributes = {};
      for (const name of names) setAttribute(attributes, name, wire.links[i++] as AttributeValue);
      const at = (ref >> 2) * 2;
      const link: SpanLinkRecord = { traceId: contexts[at]!, spanId: contexts[at + 1]!, attributes };
      if (ref & 1) link.addedAfterStart = true;
      if (ref & 2) link.sampled = false;
      links.push(link);
    }
    return { ...event, span: { ...wire, links } };
  });
}

// An own `__proto__` key, as JSON.parse makes it, rather than a changed prototype.
function setAttribute(attributes: Attributes, name: string, value: AttributeValue): void {
  if (name === '__proto__')
    Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
  else attributes[name] = value;
}

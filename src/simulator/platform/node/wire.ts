/**
 * The IPC wire form of a batch of RunEvents: links as `[traceId, spanId, attributes, late?]`
 * tuples instead of objects — a span with 100 links crosses as a third less JSON.
 */
import type { RunEvent } from '../../runtime/protocol.ts';
import type { SpanLinkRecord, SpanRecord } from '../../trace/model.ts';

type WireLink = [string, string, SpanLinkRecord['attributes']] | [string, string, SpanLinkRecord['attributes'], 1];
type WireSpan = Omit<SpanRecord, 'links'> & { links: WireLink[] };
/** A RunEvent as it crosses the IPC channel. */
export type WireEvent =
  Exclude<RunEvent, { span: SpanRecord }> | (Extract<RunEvent, { span: SpanRecord }> & { span: WireSpan });

/** Packs a batch for the channel. */
export function toWire(events: readonly RunEvent[]): WireEvent[] {
  return events.map((event) => {
    if (!('span' in event) || event.span.links.length === 0) return event as WireEvent;
    const links = event.span.links.map((l): WireLink =>
      l.addedAfterStart ? [l.traceId, l.spanId, l.attributes, 1] : [l.traceId, l.spanId, l.attributes],
    );
    return { ...event, span: { ...event.span, links } } as WireEvent;
  });
}

/** Unpacks a batch from the channel. */
export function fromWire(events: readonly WireEvent[]): RunEvent[] {
  return events.map((event): RunEvent => {
    if (!('span' in event)) return event;
    const wire: WireSpan = event.span;
    const links = wire.links.map(([traceId, spanId, attributes, late]): SpanLinkRecord =>
      late ? { traceId, spanId, attributes, addedAfterStart: true } : { traceId, spanId, attributes },
    );
    return { ...event, span: { ...wire, links } };
  });
}

/**
 * Every sentence the course quotes from the OpenTelemetry specification or its semantic
 * conventions, where it comes from, and the versions the course teaches. A lesson or a quiz puts
 * text in quotation marks only if it is one of these (or a part of one, with "…" for what it
 * leaves out), one of the article's own words, or one of the course's own phrases below; the test
 * beside this file checks every quotation mark in the lessons and the quiz banks.
 */

/** The versions the course was checked against, shown in every lesson's footer. */
export const SPEC_VERSIONS = {
  /** The OpenTelemetry specification (github.com/open-telemetry/opentelemetry-specification). */
  specification: '1.60.0',
  /** The OpenTelemetry semantic conventions (github.com/open-telemetry/semantic-conventions). */
  semanticConventions: '1.44.0',
} as const;

/** Where a quotation comes from. */
export type QuoteSource = 'specification' | 'semantic-conventions';

/** Each source's name and its files at the pinned release. */
export const SPEC_SOURCES: Readonly<Record<QuoteSource, { name: string; version: string; url: string }>> = {
  specification: {
    name: 'OpenTelemetry specification',
    version: SPEC_VERSIONS.specification,
    url: `https://github.com/open-telemetry/opentelemetry-specification/tree/v${SPEC_VERSIONS.specification}/specification`,
  },
  'semantic-conventions': {
    name: 'OpenTelemetry semantic conventions',
    version: SPEC_VERSIONS.semanticConventions,
    url: `https://github.com/open-telemetry/semantic-conventions/tree/v${SPEC_VERSIONS.semanticConventions}/docs`,
  },
};

/** A sentence as the source writes it, with where to find it. */
export interface SpecQuote {
  /** The sentence, word for word; Markdown emphasis and link targets left out, code spans kept. */
  quote: string;
  source: QuoteSource;
  /** The file in the source's repository. */
  document: string;
  /** The heading it stands under. */
  section: string;
  /** The release read; the sentence may be older (see `since`). */
  version: string;
  /** The first release with this wording, when the course relies on the change. */
  since?: string;
}

const spec = (document: string, section: string, quote: string, since?: string): SpecQuote => ({
  quote,
  source: 'specification',
  document: `specification/${document}`,
  section,
  version: SPEC_VERSIONS.specification,
  ...(since === undefined ? {} : { since }),
});

const semconv = (document: string, section: string, quote: string): SpecQuote => ({
  quote,
  source: 'semantic-conventions',
  document: `docs/${document}`,
  section,
  version: SPEC_VERSIONS.semanticConventions,
});

/** The sentences the course quotes. */
export const SPEC_QUOTES: readonly SpecQuote[] = [
  spec(
    'trace/api.md',
    'Span Creation',
    'Each span has zero or one parent span and zero or more child spans, which represent causally related operations.',
  ),
  spec(
    'trace/api.md',
    'Determining the Parent Span from a Context',
    'If there is no `Span` in the `Context`, the newly created `Span` will be a root span.',
  ),
  spec('trace/api.md', 'Add Link', '`Link`s added after `Span` creation may not be considered by Samplers.'),
  spec(
    'trace/api.md',
    'Specifying links',
    '`Link`s added at `Span` creation may be considered by Samplers to make a sampling decision.',
  ),
  spec(
    'trace/api.md',
    'Set Attributes',
    'Note that Samplers can only consider information already present during span creation.',
  ),
  spec(
    'trace/api.md',
    'Link',
    'The API documentation MUST state that adding links at span creation is preferred to calling `AddLink` later, for contexts that are available during span creation, because head sampling decisions can only consider information present during span creation.',
  ),
  spec('trace/api.md', 'Link', 'Span SHOULD preserve the order in which `Link`s are set.'),
  spec(
    'trace/api.md',
    'SpanKind',
    'This initiating span often ends before the correlated `CONSUMER` span, possibly even before the `CONSUMER` span starts.',
    '1.37.0',
  ),
  spec(
    'overview.md',
    'Links between spans',
    'A Span may be linked to zero or more other Spans (defined by SpanContext) that are causally related.',
  ),
  spec(
    'overview.md',
    'Links between spans',
    'Links can point to Spans inside a single Trace or across different Traces.',
  ),
  spec(
    'overview.md',
    'Links between spans',
    'Links can be used to represent batched operations where a Span was initiated by multiple initiating Spans, each representing a single incoming item being processed in the batch.',
  ),
  spec(
    'overview.md',
    'Links between spans',
    'This can be used when a Trace enters trusted boundaries of a service and service policy requires the generation of a new Trace rather than trusting the incoming Trace context.',
  ),
  spec(
    'trace/sdk.md',
    'Span Limits',
    'SDK Spans MAY also discard links and events that would increase the number of elements of each collection beyond the configured limit.',
  ),
  spec(
    'trace/sdk.md',
    'Sampling',
    'The earliest sampling could happen before the trace is actually created, and the latest sampling could happen on the Collector, which is out of process.',
  ),
  spec(
    'trace/sdk.md',
    'Sampling',
    'Span Exporters MUST receive those spans which have `Sampled` flag set to true and they SHOULD NOT receive the ones that do not.',
  ),
  spec('trace/sdk.md', 'Built-in samplers', 'The default sampler is `ParentBased(root=AlwaysOn)`.'),
  spec('trace/sdk.md', 'TraceIdRatioBased', 'The `TraceIdRatioBased` MUST ignore the parent `SampledFlag`.'),
  spec(
    'trace/tracestate-probability-sampling.md',
    'Sampling related terms',
    'Tail: This mode of sampling implies that Downstream samplers are involved in the decision.',
  ),
  spec(
    'trace/tracestate-probability-sampling.md',
    'Sampling related terms',
    'Sometimes this refers to sampling of individual spans on the collection path (known as "intermediate" sampling), but usually it refers to whole-trace sampling decisions made downstream after assembling multiple spans into a single data set.',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Consumer spans',
    'For each message it accounts for, the "Process" or "Receive" span SHOULD link to the message\'s creation context.',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Message creation context as parent of "Process" span',
    'Exclusively for single messages scenarios, the "Process" span MAY use the message\'s creation context as its parent, thus achieving a direct parent-child relationship between producer and consumer(s).',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Message creation context as parent of "Process" span',
    'It is NOT RECOMMENDED to use the message creation context as the parent of "Process" spans (by default) if processing happens in the scope of another span.',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Producer spans',
    'When instrumenting a library API that usually operate with batches, it is RECOMMENDED to create a "Create" span for each message along with the "Send" span.',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Producer spans',
    'Otherwise, if a "Create" span exists for a message, its context SHOULD be injected into the message.',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Producer spans',
    'The "Send" span SHOULD always link to the creation context that was injected into a message either from a "Create" span or as a custom creation context.',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Span kind',
    '`PRODUCER` if the context of the "Send" span is used as creation context, otherwise `CLIENT`.',
  ),
  semconv(
    'messaging/messaging-spans.md',
    'Recording per-message attributes on batch operations',
    'If the attribute values vary, the instrumentation SHOULD set such attributes on links describing individual messages.',
  ),
];

/**
 * The article the course grew from (`SEED.md`), quoted where a lesson corrects it: its words,
 * exactly. Not the specification.
 */
export const ARTICLE_QUOTES: readonly string[] = [
  'Causal, synchronous',
  'Related, not causal',
  'Child starts after parent, ends before parent',
  "Child executes within parent's context",
];

/**
 * The course's own words in quotation marks: a question a reader asks, a label on the page, a
 * saying the course examines. Not quotations of any source.
 */
export const COURSE_PHRASES: readonly string[] = [
  'this one span started me',
  'this span follows from that one',
  'what did this request do, and where did the time go?',
  'where did this work come from, and what else fed it?',
  'links out',
  'links in',
  'who picked up my message?',
  'neither',
  'works',
  'none of them alone',
  'because they clearly interact',
  'child if you wait for it, link if you fire and forget',
  'why is my span a root?',
];

/** Text as compared: code marks and emphasis gone, spaces collapsed, curly quotes straightened. */
export function normalizeQuote(text: string): string {
  return text.replace(/[`*_]/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Where a quotation of the course comes from: the registered sentence it is part of (each part
 * between "…" must appear in the same sentence), the article, or the course's own phrases; null
 * for a quotation that matches none of them.
 */
export function findQuote(text: string): SpecQuote | 'article' | 'course' | null {
  const parts = normalizeQuote(text)
    .split(/\s*(?:…|\.\.\.)\s*/)
    .map((part) => part.replace(/^[\s,.;:]+|[\s,.;:]+$/g, ''))
    .filter((part) => part.length > 0);
  if (parts.length === 0) return null;
  const whole = parts.join(' … ');
  if (ARTICLE_QUOTES.some((quote) => normalizeQuote(quote).toLowerCase() === whole.toLowerCase())) return 'article';
  if (COURSE_PHRASES.some((phrase) => normalizeQuote(phrase) === whole)) return 'course';
  return SPEC_QUOTES.find((entry) => parts.every((part) => normalizeQuote(entry.quote).includes(part))) ?? null;
}

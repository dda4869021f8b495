/**
 * Expectations: what a trace must look like, as plain data — written in scenario metadata (YAML)
 * and in exercises (`exercise.yaml`), validated here, evaluated by `evaluateExpectations`.
 */
import { z } from 'zod';

const namePattern = z
  .string()
  .min(1)
  .describe('A span name; `*` stands for any run of characters, as in `process-message *`.');

const attributeValue = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))])
  .describe('An attribute value, compared exactly (arrays element by element).');

const attributeCheck = z
  .union([z.array(z.string().min(1)).min(1), z.record(z.string().min(1), attributeValue)])
  .describe('Attribute keys that must be present (a list), or keys with the values they must have (a map).');

const spanFilter = z
  .strictObject({
    name: namePattern,
    service: z.string().min(1).optional().describe('Only spans of this `service.name`.'),
    where: z.record(z.string().min(1), attributeValue).optional().describe('Only spans with these attribute values.'),
  })
  .describe('A span name pattern narrowed by service or attribute values.');

const selector = z
  .union([namePattern, spanFilter])
  .describe('Which spans: a name pattern, or `{ name, service, where }`.');

const linkCheck = z
  .strictObject({
    count: z.number().int().min(0).optional().describe('Exactly this many links.'),
    to: z
      .union([selector, z.array(selector).min(1)])
      .optional()
      .describe('Every link points to a span of the run that this selects; a list: one entry per link, in order.'),
    into: z
      .enum(['own-trace', 'other-traces', 'separate-traces'])
      .optional()
      .describe("Where links point: the span's own trace; other traces; or each into a different trace, none its own."),
    attributes: attributeCheck.optional().describe('What every link carries.'),
    atStart: z
      .literal(true)
      .optional()
      .describe('Every link was given when the span started, where samplers see it; none added later (addLink).'),
  })
  .describe("Checks on each selected span's links.");

/** One expectation: which spans, and what must hold for them; every field but `span` is optional. */
export const expectationSchema = z
  .strictObject({
    span: selector.describe('The spans the expectation is about; each selected span must pass every check.'),
    description: z.string().min(1).optional().describe('Own wording for the verdict, instead of the generated one.'),
    count: z.number().int().min(0).optional().describe('Exactly this many spans are selected.'),
    traces: z
      .enum(['same', 'separate'])
      .optional()
      .describe('The selected spans are all in one trace (`same`) or each in a trace of its own (`separate`).'),
    root: z.boolean().optional().describe('`true`: starts its trace (no parent); `false`: has a parent.'),
    parent: selector.optional().describe('Its parent is in the run and is one of these spans.'),
    kind: z.enum(['internal', 'server', 'client', 'producer', 'consumer']).optional().describe('Its span kind.'),
    ended: z.boolean().optional().describe('`true`: it was ended; `false`: it was never ended.'),
    status: z.enum(['unset', 'ok', 'error']).optional().describe('Its status code.'),
    attributes: attributeCheck.optional().describe('What the span itself carries.'),
    links: linkCheck
      .optional()
      .describe("Checks on the span's links: how many, to what, into which traces, carrying what."),
  })
  .refine((e) => !(e.root === true && e.parent !== undefined), {
    message: 'an expectation cannot ask for a root and a parent at once',
    path: ['parent'],
  });

/** A list of expectations, as scenario metadata and exercises hold them. */
export const expectationsSchema = z.array(expectationSchema).describe('What the trace must look like.');

/** A span name pattern, or a pattern narrowed by service and attribute values. */
export type SpanSelector = z.infer<typeof selector>;
/** Attribute keys to be present, or keys with required values. */
export type AttributeCheck = z.infer<typeof attributeCheck>;
/** Checks on a span's links. */
export type LinkCheck = z.infer<typeof linkCheck>;
/** One expectation about a trace. */
export type Expectation = z.infer<typeof expectationSchema>;

/** The outcome of one expectation: its description in words, and on failure what was found instead. */
export interface ExpectationVerdict {
  description: string;
  passed: boolean;
  /** What was found instead, in plain words; empty when it passed. */
  message: string;
  /** Each fault found on a selected span (every failing span, not only the one the message names). */
  faults?: SpanFault[];
}

/** The kinds of fault an expectation finds on a span; a lint rule may report the same (restated-faults.ts). */
export type Fault =
  | 'root'
  | 'parent'
  | 'kind'
  | 'ended'
  | 'status'
  | 'attributes'
  | 'links'
  | 'link-into'
  | 'link-target'
  | 'link-attributes'
  | 'links-at-start';

/** A fault found on one span. */
export interface SpanFault {
  traceId: string;
  spanId: string;
  fault: Fault;
}

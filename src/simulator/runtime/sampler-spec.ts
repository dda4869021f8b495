/** The run's `sampler` option: its text form, parsed at the boundary (the CLI, a share link, a lesson's attribute). */

/** A head sampler by name: `always`, `never`, `ratio:P` or `parent-ratio:P`, with P from 0 to 1. */
export type SamplerSpec = 'always' | 'never' | `ratio:${number}` | `parent-ratio:${number}`;

/** The sampler specs a reader is offered, one per kind. */
export const SAMPLER_EXAMPLES: readonly SamplerSpec[] = ['always', 'never', 'ratio:0.5', 'parent-ratio:0.5'];

/** What each form means, for error messages and help. */
export const SAMPLER_SPEC_HELP =
  'always, never, ratio:P (TraceIdRatioBasedSampler) or parent-ratio:P (ParentBasedSampler over it), P from 0 to 1, e.g. ratio:0.25';

/** A spec parsed: the normalized spec, or why the text is not one. */
export type ParsedSamplerSpec = { ok: true; spec: SamplerSpec } | { ok: false; message: string };

/** Parses a sampler spec; `ratio: 0.50` reads as `ratio:0.5`. The message says what is wrong, not where. */
export function parseSamplerSpec(text: string): ParsedSamplerSpec {
  const trimmed = text.trim();
  if (trimmed === 'always' || trimmed === 'never') return { ok: true, spec: trimmed };
  const match = /^(ratio|parent-ratio)\s*:\s*(.*)$/.exec(trimmed);
  if (!match) {
    return { ok: false, message: `"${trimmed.slice(0, 40)}" is not a sampler: use ${SAMPLER_SPEC_HELP}` };
  }
  const [, kind, value = ''] = match;
  const ratio = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    return {
      ok: false,
      message: `"${trimmed.slice(0, 40)}": the ratio must be a number from 0 to 1 (the share of traces kept), e.g. ${kind}:0.25`,
    };
  }
  return { ok: true, spec: `${kind as 'ratio' | 'parent-ratio'}:${ratio}` };
}

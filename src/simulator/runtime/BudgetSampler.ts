import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import { SamplingDecision, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';

/** Records every span up to a budget; past it, spans are not recorded and are counted as dropped. */
export class BudgetSampler implements Sampler {
  readonly #budget: number;
  readonly #onFirstDrop: () => void;
  started = 0;
  dropped = 0;

  constructor(budget: number, onFirstDrop: () => void) {
    this.#budget = budget;
    this.#onFirstDrop = onFirstDrop;
  }

  shouldSample(
    _context: Context,
    _traceId: string,
    _name: string,
    _kind: SpanKind,
    _attributes: Attributes,
    _links: Link[],
  ): SamplingResult {
    this.started += 1;
    if (this.started <= this.#budget) return { decision: SamplingDecision.RECORD_AND_SAMPLED };
    this.dropped += 1;
    if (this.dropped === 1) this.#onFirstDrop();
    return { decision: SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return `BudgetSampler{${this.#budget}}`;
  }
}

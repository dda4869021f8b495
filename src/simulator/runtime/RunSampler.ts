import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace-base';
import type { SamplerSpec } from './sampler-spec.ts';

/** The SDK's own sampler for a spec. */
export function samplerFor(spec: SamplerSpec): Sampler {
  if (spec === 'always') return new AlwaysOnSampler();
  if (spec === 'never') return new AlwaysOffSampler();
  const [kind, ratio] = spec.split(':') as ['ratio' | 'parent-ratio', string];
  const root = new TraceIdRatioBasedSampler(Number(ratio));
  return kind === 'ratio' ? root : new ParentBasedSampler({ root });
}

/** Whether a value a scenario exported can sample (the SDK calls only `shouldSample`). */
export function isSampler(value: unknown): value is Sampler {
  return typeof (value as { shouldSample?: unknown } | null)?.shouldSample === 'function';
}

/**
 * The sampler every provider of a run shares. Up to the span budget it asks the run's head
 * sampler (`decide()`: the SDK sampler of the run's option, or the scenario's own); a span that
 * sampler does not sample is still recorded, with its sampled flag clear, so the run can show
 * it — and no exporter sends it, as none would (the SDK's processors export sampled spans only).
 * Past the budget, spans are not recorded and are counted as dropped.
 */
export class RunSampler implements Sampler {
  readonly #budget: number;
  readonly #decide: () => Sampler;
  readonly #onFirstDrop: () => void;
  started = 0;
  dropped = 0;
  #notRecorded = false;

  constructor(budget: number, decide: () => Sampler, onFirstDrop: () => void) {
    this.#budget = budget;
    this.#decide = decide;
    this.#onFirstDrop = onFirstDrop;
  }

  shouldSample(
    context: Context,
    traceId: string,
    name: string,
    kind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    this.started += 1;
    if (this.started > this.#budget) {
      this.dropped += 1;
      if (this.dropped === 1) this.#onFirstDrop();
      return { decision: SamplingDecision.NOT_RECORD };
    }
    const result = this.#decide().shouldSample(context, traceId, name, kind, attributes, links);
    if (result.decision === SamplingDecision.RECORD_AND_SAMPLED) return result;
    this.#notRecorded = result.decision === SamplingDecision.NOT_RECORD;
    return { ...result, decision: SamplingDecision.RECORD };
  }

  /**
   * Whether the span being started now was one the head sampler would not even record — its
   * `isRecording()` must then say false, as a real non-recording span's does. The SDK starts the
   * span synchronously right after sampling, so its processor's onStart asks this once.
   */
  takeNotRecorded(): boolean {
    const notRecorded = this.#notRecorded;
    this.#notRecorded = false;
    return notRecorded;
  }

  toString(): string {
    return `RunSampler{${this.#budget}, ${this.#decide().toString()}}`;
  }
}

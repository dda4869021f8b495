/** What a scenario gets when it imports `@opentelemetry/sdk-trace-base`: the SDK's own samplers and nothing else. */
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { SCENARIO_SDK_NAMES } from '../compile/transpile.ts';

/** The module object: the samplers the compiler lets a scenario import (SCENARIO_SDK_NAMES), frozen. */
export function scenarioSdk(): Readonly<
  Record<Exclude<(typeof SCENARIO_SDK_NAMES)[number], 'Sampler' | 'SamplingResult'>, unknown>
> {
  return Object.freeze({
    AlwaysOffSampler,
    AlwaysOnSampler,
    ParentBasedSampler,
    SamplingDecision,
    TraceIdRatioBasedSampler,
  });
}

/**
 * The editor's `@opentelemetry/sdk-trace-base`: the SDK's real sampler declarations (from
 * `@opentelemetry/sdk-trace`, which `sdk-trace-base` 2.x re-exports) under an index that exports
 * only what a scenario may import from it (SCENARIO_SDK_NAMES). Part of the lazily loaded Monaco chunk.
 */
const declarations: Readonly<Record<string, string>> = import.meta.glob<string>(
  [
    '/node_modules/@opentelemetry/sdk-trace/build/src/Sampler.d.ts',
    '/node_modules/@opentelemetry/sdk-trace/build/src/sampler/*.d.ts',
  ],
  // The files live in node_modules, which globs skip unless told to look everywhere.
  { eager: true, query: '?raw', import: 'default', exhaustive: true },
);

const INDEX = `export { AlwaysOffSampler } from './sampler/AlwaysOffSampler';
export { AlwaysOnSampler } from './sampler/AlwaysOnSampler';
export { ParentBasedSampler } from './sampler/ParentBasedSampler';
export { TraceIdRatioBasedSampler } from './sampler/TraceIdRatioBasedSampler';
export { SamplingDecision } from './Sampler';
export type { Sampler, SamplingResult } from './Sampler';
`;

/** The files, by path inside the package `@opentelemetry/sdk-trace-base`. */
export function sdkSamplerTypes(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: '@opentelemetry/sdk-trace-base', types: './index.d.ts' }),
    'index.d.ts': INDEX,
  };
  for (const [path, content] of Object.entries(declarations)) {
    files[path.replace('/node_modules/@opentelemetry/sdk-trace/build/src/', '')] = content;
  }
  return files;
}

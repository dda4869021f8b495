import { openTelemetryApiTypes } from './opentelemetry-api-types.ts';
import { sdkSamplerTypes } from './sdk-sampler-types.ts';
import { worldDeclarations } from './world-declarations.generated.ts';

/** An extra file the TypeScript service sees: its `file:///` path and text. */
export interface ExtraLibrary {
  filePath: string;
  content: string;
}

/**
 * The files that make `@opentelemetry/api`, `@spanlab/world` and the samplers of
 * `@opentelemetry/sdk-trace-base` resolve in the editor, under `file:///node_modules/`.
 */
export function scenarioLibraries(): ExtraLibrary[] {
  const api = Object.entries(openTelemetryApiTypes).map(([path, content]) => ({ filePath: `file://${path}`, content }));
  const world = Object.entries(worldDeclarations).map(([path, content]) => ({
    filePath: `file:///node_modules/@spanlab/world/${path}`,
    content,
  }));
  const sdk = Object.entries(sdkSamplerTypes()).map(([path, content]) => ({
    filePath: `file:///node_modules/@opentelemetry/sdk-trace-base/${path}`,
    content,
  }));
  return [...api, ...world, ...sdk];
}

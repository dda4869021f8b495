/**
 * The real declarations of `@opentelemetry/api` (its package.json and build/src/**\/*.d.ts), as
 * text keyed by their path from the project root (`/node_modules/@opentelemetry/api/…`). Part of
 * the lazily loaded Monaco chunk, never of a page's first load.
 */
export const openTelemetryApiTypes: Readonly<Record<string, string>> = import.meta.glob<string>(
  ['/node_modules/@opentelemetry/api/package.json', '/node_modules/@opentelemetry/api/build/src/**/*.d.ts'],
  // The files live in node_modules, which globs skip unless told to look everywhere.
  { eager: true, query: '?raw', import: 'default', exhaustive: true },
);

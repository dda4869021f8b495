/**
 * The compiler options the editor checks a scenario with, as the numbers TypeScript's enums stand
 * for (Monaco's own enums lack `Bundler`; a test pins each number to TypeScript's enum).
 */
export const scenarioCompilerOptions = {
  strict: true,
  /** ts.ScriptTarget.ES2022 */
  target: 9,
  /** ts.ModuleKind.ESNext */
  module: 99,
  /** ts.ModuleResolutionKind.Bundler */
  moduleResolution: 100,
  /** Resolve `@opentelemetry/api` through its package.json `exports`, as Vite does. */
  resolvePackageJsonExports: true,
  /** Do not type-check the libraries' own declarations (they are known good; it saves time). */
  skipLibCheck: true,
  /** Model URIs carry no real file extension semantics. */
  allowNonTsExtensions: true,
} as const;

/** TypeScript → JavaScript the sandbox can run, with a source map and syntax diagnostics. */
import ts from 'typescript';
import type { RunError } from '../trace/model.ts';
import { loopGuardTransformer } from './loop-guard.ts';

/** The modules a scenario may import; the sandbox serves each. */
export const SCENARIO_MODULES = ['@opentelemetry/api', '@spanlab/world', '@opentelemetry/sdk-trace-base'] as const;

/**
 * What a scenario may import from `@opentelemetry/sdk-trace-base`: the SDK's samplers, to write
 * and export its own (`export const sampler`), never a provider (the run sets one up per service).
 */
export const SCENARIO_SDK_NAMES = [
  'AlwaysOffSampler',
  'AlwaysOnSampler',
  'ParentBasedSampler',
  'SamplingDecision',
  'TraceIdRatioBasedSampler',
  'Sampler',
  'SamplingResult',
] as const;

/** A scenario compiled for the sandbox. */
export interface CompiledScenario {
  /** CommonJS code with async/await lowered to generators, helpers taken from `tslib`. */
  code: string;
  /** The source map (v3 JSON) from `code` back to the TypeScript source. */
  sourceMap: string;
  /** The file name errors are reported against. */
  fileName: string;
}

/** The outcome of compiling: the scenario, or the errors that stop it from running. */
export type CompileOutcome = { ok: true; scenario: CompiledScenario } | { ok: false; errors: RunError[] };

// ES2016 lowers async functions, `for await` and async generators to generators driven by
// tslib's helpers; the sandbox supplies its own `__awaiter`, which restores the active
// OpenTelemetry context on every resumption (see runtime/context-awaiter.ts).
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2016,
  module: ts.ModuleKind.CommonJS,
  importHelpers: true,
  // Every scenario is a module, so helpers always come from the sandbox's tslib, never inlined.
  moduleDetection: ts.ModuleDetectionKind.Force,
  esModuleInterop: false,
  sourceMap: true,
  inlineSources: false,
  removeComments: false,
  strict: true,
};

/** Compiles a scenario's TypeScript, reporting syntax errors and unknown imports with line and column. */
export function compileScenario(source: string, fileName = 'scenario.ts'): CompileOutcome {
  const output = ts.transpileModule(source, {
    compilerOptions: COMPILER_OPTIONS,
    fileName,
    reportDiagnostics: true,
    transformers: { before: [loopGuardTransformer] },
  });
  const errors = (output.diagnostics ?? []).map((d) => diagnosticToError(d, source));
  errors.push(...checkImports(source, fileName));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    scenario: { code: output.outputText, sourceMap: output.sourceMapText ?? '', fileName },
  };
}

function diagnosticToError(diagnostic: ts.Diagnostic, source: string): RunError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.start === undefined) return { kind: 'compile', message };
  const { line, column } = positionAt(source, diagnostic.start);
  return { kind: 'compile', message, line, column };
}

function checkImports(source: string, fileName: string): RunError[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const errors: RunError[] = [];
  const allowed: readonly string[] = SCENARIO_MODULES;
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifier = node.arguments[0];
    }
    if (specifier && ts.isStringLiteral(specifier) && !allowed.includes(specifier.text)) {
      const { line, column } = positionAt(source, specifier.getStart(file));
      errors.push({
        kind: 'compile',
        message: `Cannot import '${specifier.text}': a scenario may import ${SCENARIO_MODULES.map((m) => `'${m}'`).join(', ')} (its samplers only).`,
        line,
        column,
      });
    } else if (specifier && ts.isStringLiteral(specifier) && specifier.text === '@opentelemetry/sdk-trace-base') {
      errors.push(...checkSdkNames(node, source, file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return errors;
}

// Named imports and re-exports from the SDK must be among its samplers.
function checkSdkNames(node: ts.Node, source: string, file: ts.SourceFile): RunError[] {
  const allowed: readonly string[] = SCENARIO_SDK_NAMES;
  let names: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[] = [];
  if (ts.isImportDeclaration(node) && node.importClause?.namedBindings) {
    const bindings = node.importClause.namedBindings;
    if (ts.isNamedImports(bindings)) names = bindings.elements;
  } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
    names = node.exportClause.elements;
  }
  return names
    .filter((element) => !allowed.includes((element.propertyName ?? element.name).text))
    .map((element) => ({
      kind: 'compile',
      message: `'${(element.propertyName ?? element.name).text}' is not one of the samplers a scenario may import from '@opentelemetry/sdk-trace-base' (${SCENARIO_SDK_NAMES.join(', ')}): the run sets up the tracer provider.`,
      ...positionAt(source, element.getStart(file)),
    }));
}

/** The 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { scenarioCompilerOptions } from './scenario-compiler-options.ts';
import { scenarioLibraries } from './typescript-libraries.ts';

const scenariosDir = join(dirname(fileURLToPath(import.meta.url)), '../../../content/scenarios');
const libDir = dirname(ts.getDefaultLibFilePath({}));

/**
 * Type-checks modules as the editor's TypeScript service does: with only the extra libraries and
 * TypeScript's own lib. Returns each module's errors.
 */
function check(modules: Record<string, string>): Record<string, string[]> {
  const files = new Map(scenarioLibraries().map(({ filePath, content }) => [filePath.replace('file://', ''), content]));
  const roots = Object.entries(modules).map(([name, code]) => {
    files.set(`/${name}`, code);
    return `/${name}`;
  });
  const options: ts.CompilerOptions = { ...scenarioCompilerOptions, types: [], noEmit: true };
  const host = ts.createCompilerHost(options);
  const read = (path: string) => files.get(path) ?? (path.startsWith(libDir) ? ts.sys.readFile(path) : undefined);
  host.fileExists = (path) => read(path) !== undefined;
  host.readFile = read;
  host.getSourceFile = (path, version) => {
    const text = read(path);
    return text === undefined ? undefined : ts.createSourceFile(path, text, version);
  };
  host.getCurrentDirectory = () => '/';
  host.directoryExists = () => true;
  const program = ts.createProgram([...roots, ...files.keys()], options, host);
  const errors = (file?: ts.SourceFile) =>
    ts.getPreEmitDiagnostics(program, file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return Object.fromEntries(Object.keys(modules).map((name) => [name, errors(program.getSourceFile(`/${name}`))]));
}

const scenarios = Object.fromEntries(
  readdirSync(scenariosDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => [name, readFileSync(join(scenariosDir, name), 'utf8')]),
);

describe('the types the editor gives TypeScript', () => {
  it('states the enum numbers TypeScript means', () => {
    expect(scenarioCompilerOptions.target).toBe(ts.ScriptTarget.ES2022);
    expect(scenarioCompilerOptions.module).toBe(ts.ModuleKind.ESNext);
    expect(scenarioCompilerOptions.moduleResolution).toBe(ts.ModuleResolutionKind.Bundler);
  });

  it('holds the real @opentelemetry/api declarations and package.json', () => {
    const paths = scenarioLibraries().map((lib) => lib.filePath);
    expect(paths).toContain('file:///node_modules/@opentelemetry/api/package.json');
    expect(paths).toContain('file:///node_modules/@opentelemetry/api/build/src/index.d.ts');
    expect(paths).toContain('file:///node_modules/@spanlab/world/world/index.d.ts');
  });

  it('type-checks every scenario without errors', () => {
    const errors = check(scenarios);
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    for (const [name, messages] of Object.entries(errors)) expect(messages, name).toEqual([]);
  });

  it('reports type errors in the world and the API', () => {
    const { 'wrong.ts': errors = [] } = check({
      'wrong.ts': [
        "import { trace } from '@opentelemetry/api';",
        "import { sleep, service } from '@spanlab/world';",
        "await sleep('10');",
        "trace.getTracer('t').startSpan(42);",
        "service('a', { latency: 'slow' });",
      ].join('\n'),
    });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/'string' is not assignable to parameter of type 'number'/);
  });

  it('gives the SDK’s samplers, and only them, from @opentelemetry/sdk-trace-base', () => {
    const { 'own-sampler.ts': fine = [], 'provider.ts': wrong = [] } = check({
      'own-sampler.ts': [
        "import { TraceFlags } from '@opentelemetry/api';",
        "import { ParentBasedSampler, SamplingDecision, TraceIdRatioBasedSampler, type Sampler } from '@opentelemetry/sdk-trace-base';",
        'const ratio = new TraceIdRatioBasedSampler(0.5);',
        'export const sampler: Sampler = new ParentBasedSampler({',
        '  root: {',
        '    shouldSample: (context, traceId, _name, _kind, _attributes, links) =>',
        '      links.some((link) => link.context.traceFlags & TraceFlags.SAMPLED)',
        '        ? { decision: SamplingDecision.RECORD_AND_SAMPLED }',
        '        : ratio.shouldSample(context, traceId),',
        "    toString: () => 'LinkAwareSampler',",
        '  },',
        '});',
      ].join('\n'),
      'provider.ts':
        "import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';\nexport const p = BasicTracerProvider;",
    });
    expect(fine).toEqual([]);
    expect(wrong).toEqual([expect.stringMatching(/has no exported member 'BasicTracerProvider'/)]);
  });
});

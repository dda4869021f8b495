import { describe, expect, it } from 'vitest';
import { precompileScenario } from '@spanlab/engine';
import { compiledFor, rememberPrecompiled } from './compiled-cache.ts';

const SOURCE = `import { trace } from '@opentelemetry/api';\ntrace.getTracer('t').startSpan('a').end();\n`;

describe('compiled-cache', () => {
  it("finds the build's output for the same text and file name, and only for them", () => {
    const entry = precompileScenario(SOURCE, 'cache-test.ts');
    expect(entry).toBeDefined();
    rememberPrecompiled(entry);
    expect(compiledFor(SOURCE, 'cache-test.ts')).toEqual(entry!.scenario);
    // An edit undone is the same text again: found; any other text or file name is not.
    const edited = `${SOURCE}// x\n`;
    expect(compiledFor(edited, 'cache-test.ts')).toBeUndefined();
    expect(compiledFor(edited.slice(0, SOURCE.length), 'cache-test.ts')).toEqual(entry!.scenario);
    expect(compiledFor(SOURCE, 'other.ts')).toBeUndefined();
  });

  it('ignores a scenario the build could not compile', () => {
    const broken = 'const x: number = ;';
    expect(precompileScenario(broken, 'broken.ts')).toBeUndefined();
    rememberPrecompiled(undefined);
    expect(compiledFor(broken, 'broken.ts')).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, generateWorldDeclarations, renderGeneratedModule } from './world-declarations.ts';

describe('the @spanlab/world declarations', () => {
  const declarations = generateWorldDeclarations();

  it('are up to date with src/simulator/world (else run: node src/components/editor/monaco/world-declarations.ts)', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(renderGeneratedModule(declarations));
  });

  it('declare what the world exports, with its doc comments', () => {
    const index = declarations['world/index.d.ts'];
    expect(index).toContain("export { service, Service } from './Service.js';");
    expect(declarations['world/time.d.ts']).toContain('/** Waits `ms` milliseconds of virtual time. */');
  });
});

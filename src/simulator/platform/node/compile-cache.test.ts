import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../compile/transpile.ts';
import { compileCached } from './compile-cache.ts';

const SOURCE = `import { trace } from '@opentelemetry/api';\nwhile (Math.random() > 2) {}\ntrace.getTracer('t').startSpan('a').end();\n`;

describe('compileCached', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanlab-compile-cache-'));
    process.env['SPANLAB_COMPILE_CACHE'] = dir;
  });
  afterEach(() => {
    delete process.env['SPANLAB_COMPILE_CACHE'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives what the compiler gives, then keeps it by source key', async () => {
    const first = await compileCached(SOURCE, 'a.ts');
    expect(first).toEqual(compileScenario(SOURCE, 'a.ts'));
    expect(readdirSync(dir)).toHaveLength(1);
    expect(await compileCached(SOURCE, 'a.ts')).toEqual(first);
    await compileCached(SOURCE, 'b.ts');
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('compiles again when a kept file is damaged, and never keeps errors', async () => {
    await compileCached(SOURCE, 'a.ts');
    const [kept] = readdirSync(dir);
    writeFileSync(join(dir, kept!), '{not json');
    expect(await compileCached(SOURCE, 'a.ts')).toEqual(compileScenario(SOURCE, 'a.ts'));
    const broken = await compileCached('const x: number = ;', 'c.ts');
    expect(broken.ok).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../../../bin/span-lab.mjs', import.meta.url).pathname;
const FIXTURES = new URL('../../../../tests/fixtures/traces/', import.meta.url).pathname;
const SCENARIOS = new URL('../../../content/scenarios/', import.meta.url).pathname;

/** Runs the `span-lab` bin as CI would, with the Node that runs the tests. */
async function spanLab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const fixture = (name: string): string => join(FIXTURES, name);

describe('span-lab lint', () => {
  it('lints Zipkin, Jaeger and OTLP JSON Lines files, saying what it read; exit 0 when nothing reaches --fail-on', async () => {
    const { code, stdout } = await spanLab(
      'lint',
      fixture('zipkin-lens-yelp.json'),
      fixture('file-exporter-lines.ndjson'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`${fixture('zipkin-lens-yelp.json')}: 16 spans read as Zipkin v2 JSON: no findings`);
    expect(stdout).toContain(
      `${fixture('file-exporter-lines.ndjson')}: 2 spans read as OTLP JSON Lines (the collector's file exporter): no findings`,
    );
  });

  it('sets the exit code by --fail-on: a warning fails only with --fail-on warning', async () => {
    const jaeger = fixture('jaeger-ui_01.json');
    const byDefault = await spanLab('lint', jaeger);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toContain(
      `${jaeger}: warning link-to-ancestor: \`reference-test\` links to its own parent`,
    );
    expect(byDefault.stdout).toContain(
      `${jaeger}: 4 spans read as Jaeger's own JSON (Jaeger UI's Download Results or Trace JSON): 1 warning`,
    );
    expect((await spanLab('lint', '--fail-on', 'warning', jaeger)).code).toBe(1);
  });

  it('fails with exit 1 on an error finding, here in a scenario run from its code', async () => {
    const { code, stdout } = await spanLab('lint', join(SCENARIOS, 'retry-nested.ts'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/retry-nested\.ts: error retry-nested: /);
    expect(stdout).toMatch(/read as code \(run with seed 1\): \d+ errors?/);
  });

  it('tells files apart by content: an .ndjson or .txt trace is read, not compiled as TypeScript', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'span-lab-'));
    const txt = join(dir, 'export.txt');
    copyFileSync(fixture('file-exporter-lines.ndjson'), txt);
    const { code, stdout } = await spanLab('lint', txt);
    expect(code).toBe(0);
    expect(stdout).toContain('2 spans read as OTLP JSON Lines');
    const sim = await spanLab(fixture('file-exporter-lines.ndjson'), '--format', 'summary');
    expect(sim.code).toBe(0);
    expect(sim.stdout).toContain('2 traces, 2 spans');
  });

  it('exits 2 for a file it cannot read, and for bad arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'span-lab-'));
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{"resourceSpans": {}}');
    const broken = await spanLab('lint', bad);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`${bad}: Not an OTLP trace file: resourceSpans: expected an array, got an object.\n`);
    expect((await spanLab('lint')).code).toBe(2);
    expect((await spanLab('lint', '--fail-on', 'info', bad)).stderr).toMatch(
      /--fail-on takes error or warning, not 'info'/,
    );
  });
});

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../testing/otlp-canonical.ts';
import { parseJsonDocuments } from '../../trace/otlp-json-text.ts';

const BIN = new URL('../../../../bin/span-lab.mjs', import.meta.url).pathname;
const FIXTURES = new URL('../../../../tests/fixtures/traces/', import.meta.url).pathname;

describe('span-lab <trace file> --format otlp', () => {
  // OTLP JSON and JSON Lines files from other projects (tests/fixtures/traces/README.md).
  it.each([
    'otel-proto-trace.json',
    'jaeger-apiv3-GetTrace.json',
    'file-exporter-lines.ndjson',
    'perses-tempo-v2-trace.json',
  ])('prints %s back field by field, nanoseconds included', async (name) => {
    const file = join(FIXTURES, name);
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, file, '--format', 'otlp'], {
      maxBuffer: 16 << 20,
    });
    const input = canonical(parseJsonDocuments(readFileSync(file, 'utf8')).map((d) => d.value));
    const output = canonical([JSON.parse(stdout)]);
    expect(output.length).toBeGreaterThan(0);
    expect(output).toEqual(input);
  });
});

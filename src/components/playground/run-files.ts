/** Download trace and Open trace: the run as OTLP JSON, and a trace file (OTLP, Tempo, Jaeger, Zipkin) as a run. */
import {
  fromOtlpJson,
  OTLP_IMPORT_MAX_BYTES,
  toOtlpJsonText,
  TRACE_FORMAT_NAMES,
  type RunResult,
} from '@spanlab/engine';

/** Offers the run's spans as an OTLP JSON file; returns how many never-ended spans it left out. */
export function downloadTrace(result: RunResult, fileName: string): number {
  const { text, skippedUnended } = toOtlpJsonText(result.spans, 2);
  const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return skippedUnended.length;
}

/** Reads a trace file into a RunResult to view and lint (and which format it was), or says what is wrong with it. */
export async function openTrace(
  file: File,
): Promise<{ ok: true; result: RunResult; warnings: string[]; format: string } | { ok: false; error: string }> {
  if (file.size > OTLP_IMPORT_MAX_BYTES) {
    return {
      ok: false,
      error: `${file.name}: the file is ${(file.size / 1024 / 1024).toFixed(0)} MB; Span Lab opens traces up to ${OTLP_IMPORT_MAX_BYTES / 1024 / 1024} MB.`,
    };
  }
  const imported = fromOtlpJson(new Uint8Array(await file.arrayBuffer()));
  if (!imported.ok) return { ok: false, error: `${file.name}: ${imported.error}` };
  const spans = imported.spans;
  return {
    ok: true,
    warnings: imported.warnings,
    format: TRACE_FORMAT_NAMES[imported.format],
    result: {
      spans,
      console: [],
      errors: [],
      limits: [],
      stats: {
        virtualMs: 0,
        wallMs: 0,
        spansStarted: spans.length,
        spansKept: spans.length,
        spansDropped: 0,
        consoleDropped: 0,
      },
      seed: 0,
    },
  };
}

// Uploads arrive in requests, each its own trace; each upload stores a
// temporary file and, beside it, the span context that created it. Ten
// minutes later a cleanup job runs. No request caused it, so it starts
// a trace of its own; the span that deletes the expired files links —
// at its start — to each span that created one, so every upload's trace
// is one click away.
import { trace, type Link } from '@opentelemetry/api';
import { db, scheduler, service, sleep } from '@spanlab/world';

// A row of the temp_files table (a type alias, so it fits the
// database's row type).
type TempFile = { id: string; createdByTraceId: string; createdBySpanId: string; createdByTraceFlags: number };

const tracer = trace.getTracer('uploads');

service('upload-service', { latency: 4 }).route('POST /uploads/:id', async (request) => {
  await tracer.startActiveSpan('store-temp-file', async (span) => {
    // Stored whole — the flags too, so the link says whether that span
    // was sampled.
    const { traceId, spanId, traceFlags } = span.spanContext();
    await db.insert('temp_files', {
      id: request.params.id,
      createdByTraceId: traceId,
      createdBySpanId: spanId,
      createdByTraceFlags: traceFlags,
    });
    span.end();
  });
  return { stored: request.params.id };
});

async function cleanup(): Promise<void> {
  // The scheduler starts jobs in an empty context: this span is the
  // root of a new trace.
  await tracer.startActiveSpan('cleanup-temp-files', async (job) => {
    const expired = await db.select<TempFile>('temp_files');
    const links: Link[] = expired.map((file) => ({
      context: { traceId: file.createdByTraceId, spanId: file.createdBySpanId, traceFlags: file.createdByTraceFlags },
      attributes: { 'file.id': file.id },
    }));
    await tracer.startActiveSpan(
      'delete-expired-files',
      { links, attributes: { 'file.count': expired.length } },
      async (span) => {
        await db.delete('temp_files');
        span.end();
      },
    );
    job.end();
  });
}

scheduler.at(10 * 60_000, cleanup, { service: 'cleanup-worker' });

export default async function main(): Promise<void> {
  for (const id of ['f-1', 'f-2', 'f-3']) {
    await service('upload-service').call(`POST /uploads/${id}`);
    await sleep(1000);
  }
}

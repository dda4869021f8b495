// Three systems export data on their own schedules, each export a trace
// of its own that writes a file to the staging area. Later the ETL run
// loads every staged file. None of the exports caused it — all of them
// feed it — so it starts a trace of its own and links, at its start, to
// each export whose file it loads. Extract, transform and load are its
// children: they exist only because this run does.
import { trace, type Link, type SpanContext } from '@opentelemetry/api';
import { db, scheduler, sleep } from '@spanlab/world';

interface StagedFile {
  source: string;
  file: string;
  exportedBy: SpanContext;
}

const tracer = trace.getTracer('data-platform');
// The staging area's listing, as an object store's LIST would return
// it.
const staged: StagedFile[] = [];

function exportJob(source: string, table: string): () => Promise<void> {
  return () =>
    tracer.startActiveSpan(`export ${table}`, { attributes: { 'etl.source': source } }, async (span) => {
      const file = `${source}/${table}.csv`;
      await db.insert('staging_files', { file, source });
      staged.push({ source, file, exportedBy: span.spanContext() });
      span.end();
    });
}

async function etlRun(): Promise<void> {
  const files = staged.splice(0);
  const links: Link[] = files.map((f) => ({
    context: f.exportedBy,
    attributes: { 'etl.source': f.source, 'etl.file': f.file },
  }));
  await tracer.startActiveSpan('etl-run', { links, attributes: { 'etl.source_count': files.length } }, async (run) => {
    const rows = await tracer.startActiveSpan('extract', async (span) => {
      const found = await db.select('staging_files');
      span.end();
      return found;
    });
    await tracer.startActiveSpan('transform', { attributes: { 'etl.rows': rows.length } }, async (span) => {
      await sleep(120);
      span.end();
    });
    await tracer.startActiveSpan('load', async (span) => {
      await db.insert('warehouse_facts', { rows: rows.length });
      span.end();
    });
    run.end();
  });
}

// Each job starts in an empty context, as the service that runs it.
scheduler.at(1 * 60_000, exportJob('crm', 'customers'), { service: 'crm' });
scheduler.at(3 * 60_000, exportJob('billing', 'invoices'), { service: 'billing' });
scheduler.at(4 * 60_000, exportJob('web-analytics', 'sessions'), { service: 'web-analytics' });
scheduler.at(10 * 60_000, etlRun, { service: 'warehouse' });

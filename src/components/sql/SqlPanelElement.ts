import { resultsTable } from './results-table.ts';
import { exampleQueries, SQL_MAX_ROWS, type RunResult, type SqlOutcome } from './sql-engine.ts';
import { SqlWorkerClient } from './SqlWorkerClient.ts';

/** Detail of the panel's `span-select`: the span whose id the reader clicked in the results. */
export interface SqlSpanSelectDetail {
  traceId: string;
  spanId: string;
}

/**
 * `<sql-panel>`: SQL over the spans of a run. Set `result` to the run to query. The engine (sql.js
 * in a worker) starts only when the reader opens the panel. Fires `span-select` when the reader
 * clicks a span id in the results.
 */
export class SqlPanelElement extends HTMLElement {
  #result: RunResult | null = null;
  #client: SqlWorkerClient | null = null;
  #wired = false;

  /** The run queried, or null. */
  get result(): RunResult | null {
    return this.#result;
  }

  set result(value: RunResult | null) {
    this.#result = value;
    if (this.#wired) this.#showExamples();
  }

  connectedCallback(): void {
    // A property set before the element was defined shadows the accessor: take it over.
    if (Object.hasOwn(this, 'result')) {
      const early = (this as { result?: RunResult | null }).result ?? null;
      delete (this as { result?: unknown }).result;
      this.result = early;
    }
    if (this.#wired) return;
    this.#wired = true;
    this.#part('details').addEventListener('toggle', () => {
      if ((this.#part('details') as HTMLDetailsElement).open) void this.#warm();
    });
    this.#part('run').addEventListener('click', () => void this.run());
    this.#query.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation(); // not the playground's Run
        void this.run();
      }
    });
    this.#part('results').addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-span-id]');
      const { traceId, spanId } = button?.dataset ?? {};
      if (traceId === undefined || spanId === undefined) return;
      this.dispatchEvent(
        new CustomEvent<SqlSpanSelectDetail>('span-select', { detail: { traceId, spanId }, bubbles: true }),
      );
    });
    this.#showExamples();
  }

  disconnectedCallback(): void {
    this.#client?.dispose();
    this.#client = null;
  }

  /** Runs the query in the text box over the current run and shows its rows or its error. */
  async run(): Promise<void> {
    const result = this.#result;
    if (!result) {
      this.#status('Run the scenario first: there are no spans to query yet.');
      return;
    }
    const button = this.#part('run');
    button.setAttribute('aria-busy', 'true');
    button.toggleAttribute('disabled', true);
    this.#status('Running the query…');
    const outcome = await this.#engine().query(result.spans, this.#query.value);
    button.removeAttribute('aria-busy');
    button.toggleAttribute('disabled', false);
    this.#show(outcome, result);
  }

  async #warm(): Promise<void> {
    if (this.#client) return;
    this.#status('Loading the SQL engine…');
    try {
      const ms = await this.#engine().start();
      this.#status(`SQL engine loaded in ${Math.round(ms)} ms. Pick an example or write a query, then Run query.`);
    } catch (error) {
      this.#status((error as Error).message);
    }
  }

  #engine(): SqlWorkerClient {
    this.#client ??= new SqlWorkerClient();
    return this.#client;
  }

  #show(outcome: SqlOutcome, result: RunResult): void {
    const error = this.#part('error');
    const results = this.#part('results');
    results.replaceChildren();
    if (!outcome.ok) {
      const where = outcome.position ? `Line ${outcome.position.line}, column ${outcome.position.column}: ` : '';
      error.textContent = `${where}${outcome.error}`;
      error.hidden = false;
      this.#status('The query failed.');
      if (outcome.position) this.#query.setSelectionRange(outcome.position.offset, outcome.position.offset);
      return;
    }
    error.hidden = true;
    const count = `${outcome.rows.length}${outcome.truncated ? `+ rows (only the first ${SQL_MAX_ROWS} shown)` : ` row${outcome.rows.length === 1 ? '' : 's'}`}`;
    this.#status(`${count} in ${outcome.ms.toFixed(1)} ms.`);
    if (outcome.columns.length === 0) return;
    const traces = new Map(result.spans.map((span) => [span.spanId, span.traceId]));
    results.append(resultsTable(outcome.columns, outcome.rows, `Query results: ${count}`, (id) => traces.get(id)));
  }

  #showExamples(): void {
    const linked = [...(this.#result?.spans ?? [])].sort((a, b) => b.links.length - a.links.length)[0];
    const examples = exampleQueries(linked && linked.links.length > 0 ? linked : undefined);
    const group = this.#part('examples');
    group.replaceChildren(
      ...examples.map((example) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = example.label;
        button.addEventListener('click', () => {
          this.#query.value = example.sql;
          const note = this.#part('note');
          note.textContent = example.note ?? '';
          note.hidden = example.note === undefined;
          void this.run();
        });
        return button;
      }),
    );
  }

  #status(text: string): void {
    this.#part('status').textContent = text;
  }

  get #query(): HTMLTextAreaElement {
    return this.#part('query') as HTMLTextAreaElement;
  }

  #part(name: string): HTMLElement {
    return this.querySelector(`[data-sql="${name}"]`) as HTMLElement;
  }
}

/**
 * The document of the sandbox frame that hosts each run's worker. The frame is
 * `sandbox="allow-scripts"` without `allow-same-origin`, so it has an opaque origin: no access to
 * the page, its storage or its cookies. Its Content-Security-Policy (which a worker started from a
 * blob: URL inherits) allows no network at all. It only relays: page → worker, worker → page.
 */

const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  'worker-src blob:',
  "connect-src 'none'",
  "img-src 'none'",
  "style-src 'none'",
  "form-action 'none'",
].join('; ');

// Plain ES2017, inlined into srcdoc: it runs before, and apart from, any bundle.
const BOOTSTRAP = `
(() => {
  let worker = null, workerUrl = null, runId = -1;
  const toPage = (message) => parent.postMessage(message, '*');
  const stop = () => { if (worker) { worker.terminate(); worker = null; } };
  const setSource = (source) => {
    if (typeof source !== 'string') return;
    if (workerUrl) URL.revokeObjectURL(workerUrl);
    workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  };
  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'prepare') {
      // The run worker's script, ahead of the first run; no worker starts before a run.
      if (!workerUrl) setSource(m.workerSource);
    } else if (m.type === 'start') {
      stop();
      runId = m.runId;
      setSource(m.workerSource);
      const id = runId;
      try {
        worker = new Worker(workerUrl);
      } catch (error) {
        toPage({ type: 'worker-error', runId: id, message: String(error && error.message || error) });
        return;
      }
      worker.onmessage = (e) => toPage({ type: 'worker', runId: id, message: e.data });
      worker.onerror = (e) => { e.preventDefault(); toPage({ type: 'worker-error', runId: id, message: String(e.message || 'the worker failed') }); };
      worker.postMessage({ scenario: m.scenario, options: m.options });
    } else if (m.type === 'stop' && m.runId === runId) {
      stop();
    }
  });
  toPage({ type: 'sandbox-ready' });
})();
`;

/** The `srcdoc` of the sandbox frame. */
export const SANDBOX_SRCDOC = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body><script>${BOOTSTRAP}</script></body></html>`;

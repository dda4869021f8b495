/** Where the browser tests find the built site, and how they start Debian's Chromium. */

/** The fixed port `astro preview` serves the built site on during the suite (override: SPANLAB_E2E_PORT). */
export const PORT = Number(process.env['SPANLAB_E2E_PORT'] ?? '4329');

/** The one origin every request of the suite must stay on. */
export const ORIGIN = `http://127.0.0.1:${String(PORT)}`;

export { findChromium, NO_BROWSER_HINT } from './browser.ts';

/** Flags that keep Chromium headless and quiet; the resolver rule leaves no host but ours resolvable. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A safety net under the origin guard: a request that slips past a test cannot reach the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

import type { BrowserContext, Page } from '@playwright/test';

/** Schemes that never leave the machine: inline data, object URLs, blank documents. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** Records every request and WebSocket a browser context opens, and tells which left the origin. */
export interface OriginGuard {
  /** Every URL requested so far, in order. */
  readonly requested: readonly string[];
  /** The URLs requested so far that were neither on the origin nor local. */
  outside(): string[];
}

/** Whether a URL stays on `origin` or never leaves the machine. */
export function staysHome(url: string, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return LOCAL_SCHEMES.has(parsed.protocol) || parsed.origin === origin;
}

/** Starts recording the requests of `context` (pages, frames, workers, WebSockets) against `origin`. */
export function guardOrigin(context: BrowserContext, origin: string): OriginGuard {
  const requested: string[] = [];
  const watchPage = (page: Page): void => {
    page.on('websocket', (socket) => requested.push(socket.url()));
  };
  context.on('request', (request) => requested.push(request.url()));
  context.on('page', watchPage);
  context.pages().forEach(watchPage);
  return {
    requested,
    outside: () => requested.filter((url) => !staysHome(url, origin)),
  };
}

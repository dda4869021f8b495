/**
 * Share links in the TypeScript Playground's convention: `/playground/#code=<lz-string
 * compressToEncodedURIComponent(source)>&seed=N`, and `&context=stack&sampler=ratio:0.5` when the
 * run's settings are not the defaults (a link without them opens as it always did). Opening one
 * shows the code and never runs it.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { DEFAULT_SETTINGS, parseRunSettings, settingsParams, type RunSettings } from './run-settings.ts';

/** Longest `code=` value accepted, in characters. */
export const MAX_FRAGMENT_CHARS = 200_000;
/** Longest source a share link may decode to. */
export const MAX_SHARED_SOURCE_CHARS = 500_000;
/** How long decoding may take before it is abandoned as a decompression bomb. */
const DECODE_MS = 1_500;
/** How long the decoding worker may take to start. */
const WORKER_START_MS = 20_000;

/** What a page's fragment holds. */
export type SharedFragment =
  | { kind: 'none' }
  | { kind: 'code'; code: string; seed: number | undefined; settings: RunSettings }
  | { kind: 'bad'; reason: string };

/** The share link for a source, seed and run settings, on this page's URL. */
export function shareUrl(
  source: string,
  seed: number,
  base: string = location.href,
  settings: RunSettings = DEFAULT_SETTINGS,
): string {
  const url = new URL(base);
  const extra = settingsParams(settings)
    .map(([name, value]) => `&${name}=${value}`)
    .join('');
  url.hash = `code=${compressToEncodedURIComponent(source)}${seed === 1 ? '' : `&seed=${seed}`}${extra}`;
  return url.toString();
}

/** Reads `#code=…&seed=…`; decompresses in a worker with a time and size limit. */
export async function readFragment(hash: string = location.hash): Promise<SharedFragment> {
  // Not URLSearchParams: it would read lz-string's `+` as a space.
  const params = new Map(
    hash
      .replace(/^#/, '')
      .split('&')
      .map((pair) => [pair.slice(0, pair.indexOf('=') >>> 0), pair.slice((pair.indexOf('=') >>> 0) + 1)] as const),
  );
  const encoded = params.get('code');
  if (encoded === undefined) return { kind: 'none' };
  const seedText = params.get('seed') ?? null;
  const seed = seedText === null ? undefined : Number(seedText);
  if (seedText !== null && !Number.isSafeInteger(seed)) {
    return { kind: 'bad', reason: `the seed "${seedText.slice(0, 20)}" is not a whole number` };
  }
  const settings = parseRunSettings(decodeParam(params.get('context')), decodeParam(params.get('sampler')));
  if (!settings.ok) return { kind: 'bad', reason: settings.reason };
  if (encoded.length > MAX_FRAGMENT_CHARS) return { kind: 'bad', reason: 'the link is too long' };
  if (!/^[A-Za-z0-9+\-$]*$/.test(encoded))
    return { kind: 'bad', reason: 'the link holds characters a share link never has' };
  const { code, timedOut } = await decodeInWorker(encoded);
  if (timedOut) return { kind: 'bad', reason: 'the link took too long to decode' };
  if (code === null || (code === '' && encoded !== ''))
    return { kind: 'bad', reason: 'the link is not valid compressed code' };
  if (code.length > MAX_SHARED_SOURCE_CHARS) return { kind: 'bad', reason: 'the code in the link is too large' };
  return { kind: 'code', code, seed, settings: settings.settings };
}

// A setting may come percent-encoded (`ratio%3A0.5`) from a hand-made or re-encoded link.
function decodeParam(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The decoded code; null when it is not valid; `timedOut` when decoding ran past its time. */
function decodeInWorker(encoded: string): Promise<{ code: string | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./share-decode-worker.ts', import.meta.url), {
      type: 'module',
      name: 'span-lab-share-link',
    });
    const giveUp = (): void => {
      worker.terminate();
      resolve({ code: null, timedOut: true });
    };
    let timer = setTimeout(giveUp, WORKER_START_MS);
    worker.onmessage = ({ data }: MessageEvent<{ started: true } | { code: string | null }>) => {
      clearTimeout(timer);
      if ('started' in data) {
        timer = setTimeout(giveUp, DECODE_MS);
        return;
      }
      worker.terminate();
      resolve({ code: data.code, timedOut: false });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      clearTimeout(timer);
      worker.terminate();
      resolve({ code: null, timedOut: false });
    };
    worker.postMessage(encoded);
  });
}

/** Worker that decompresses a share link, so a decompression bomb can be stopped without freezing the page. */
import { decompressFromEncodedURIComponent } from 'lz-string';

interface Scope {
  postMessage(message: { started: true } | { code: string | null }): void;
  onmessage: ((event: { data: string }) => void) | null;
}

const scope = globalThis as unknown as Scope;
scope.onmessage = ({ data }) => {
  // The page times the decoding itself, not the worker's start-up.
  scope.postMessage({ started: true });
  let code: string | null;
  try {
    code = decompressFromEncodedURIComponent(data);
  } catch {
    code = null;
  }
  scope.postMessage({ code });
};

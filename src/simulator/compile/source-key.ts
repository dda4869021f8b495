/** The key compiled scenarios are kept and looked up by: a hash of the file name and the source. */
import type { CompiledScenario } from './transpile.ts';

/** A scenario compiled ahead of time (at build time, or earlier on the page), with its source's key. */
export interface PrecompiledScenario {
  /** `sourceKey(source, fileName)` of the source it was compiled from. */
  key: string;
  scenario: CompiledScenario;
}

/**
 * A short, stable key for `source` compiled as `fileName` (cyrb53, two 32-bit halves, and the
 * length). Not a security boundary: a collision would only run another scenario's output in the
 * sandbox, and both halves and the length must collide for that.
 */
export function sourceKey(source: string, fileName: string): string {
  const text = `${fileName}\n${source}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(h2)}${hex(h1)}-${text.length.toString(36)}`;
}

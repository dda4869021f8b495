/** Mermaid's default `maxTextSize`: longer diagram text is refused with an error diagram. */
export const MAX_TEXT_SIZE = 50_000;

/** Mermaid's default `maxEdges`: a flowchart with more edges is refused. */
export const MAX_EDGES = 500;

/** The Mermaid text of one diagram, and whether it shows every span it was given. */
export interface MermaidChart {
  /** Mermaid diagram text, always within Mermaid's limits. */
  text: string;
  /** True when spans were left out to stay within Mermaid's limits. */
  truncated: boolean;
  /** How many spans the diagram draws. */
  shown: number;
  /** How many spans it was given. */
  total: number;
}

/**
 * The largest `n` in `[0, total]` for which `fits(n)` holds, for a `fits` that holds up to some
 * `n` and fails after it. Tries `total` first, the common case; then a binary search.
 */
export function largestFitting(total: number, fits: (n: number) => boolean): number {
  if (fits(total)) return total;
  let low = 0;
  let high = total;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

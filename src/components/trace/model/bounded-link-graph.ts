import { buildLinkGraph, type LinkGraph, type SpanRecord } from '@spanlab/engine';

/**
 * Most spans the link graph draws. Mermaid's dagre layout takes about 5 ms a node (measured:
 * 100 nodes 0.5 s, 300 nodes 2.5 s), far inside its own limits of 500 edges and 50,000
 * characters; a tab must not freeze for seconds.
 */
export const MAX_GRAPH_NODES = 100;

/** The link graph cut to at most `maxNodes` spans (the engine keeps the first, traces in order); `unsampled`: the spans not kept. */
export function boundedLinkGraph(
  spans: readonly SpanRecord[],
  unsampled: readonly SpanRecord[] = [],
  maxNodes = MAX_GRAPH_NODES,
): LinkGraph {
  let graph = buildLinkGraph(spans, { maxEdges: maxNodes, unsampled });
  // Only the text size bounds spans without edges: shrink it in proportion until few enough fit.
  for (let tries = 0; tries < 4 && graph.shown > maxNodes; tries++) {
    const maxTextSize = Math.floor((graph.text.length * maxNodes) / graph.shown) - 1;
    graph = buildLinkGraph(spans, { maxEdges: maxNodes, maxTextSize, unsampled });
  }
  return graph;
}

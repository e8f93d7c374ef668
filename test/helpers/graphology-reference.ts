// The graphology-shortest-path reference: it has no weighted length-only call, so lengths are the
// weights summed along the paths its Dijkstra returns (lightest parallel edge, direction respected).

import type Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';

export function arcWeight(graph: Graph, from: string, to: string): number {
  let lightest = Infinity;
  graph.forEachOutboundEdge(from, (_edge, attributes, source, target) => {
    const other = source === from ? target : source;
    if (other === to) lightest = Math.min(lightest, (attributes.weight as number | undefined) ?? 1);
  });
  return lightest;
}

export function pathWeight(graph: Graph, path: readonly string[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += arcWeight(graph, path[i - 1], path[i]);
  return total;
}

export function graphologyLengths(graph: Graph, source: string): Record<string, number> {
  const paths = dijkstra.singleSource(graph, source);
  const lengths: Record<string, number> = {};
  for (const [node, path] of Object.entries(paths)) lengths[node] = pathWeight(graph, path);
  return lengths;
}

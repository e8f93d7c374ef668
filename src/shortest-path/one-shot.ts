// One-shot shortest-path calls with the graph first, as graphology users write them: each packs the
// graph, answers, and frees the kernel memory. For repeated queries, createLatencyIndex packs once.

import type { AbstractGraph } from 'graphology-types';
import { describe } from '../util/describe.js';
import { type EdgeWeightOption } from './edge-weight.js';
import { InvalidArgumentError, publicEntry } from '../errors.js';
import {
  createLatencyIndex, type LatencyIndex, type LatencyIndexOptions, type LatencyMatrix, type MatrixOptions, type NodeId,
} from './latency-index.js';

/** Options of the one-shot {@link matrix}: which rows and columns, and how the graph is weighed and packed. */
export interface MatrixCallOptions extends MatrixOptions, LatencyIndexOptions {}

function withIndex<T>(graph: AbstractGraph, options: unknown, query: (index: LatencyIndex) => T): T {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', `must be an object such as { getEdgeWeight: "weight" }; got ${describe(options)}.`);
  }
  const { getEdgeWeight, kernel } = options as LatencyIndexOptions;
  const index = createLatencyIndex(graph, { getEdgeWeight, kernel });
  try {
    return query(index);
  } finally {
    index.dispose();
  }
}

/**
 * Weighted length from `source` to every reachable node: `{ [node]: ms }`, unreachable nodes
 * absent. Packs the graph, answers and frees the kernel memory; for repeated queries on one graph,
 * {@link createLatencyIndex} packs once.
 *
 * @param graph - any graphology graph (directed, undirected or mixed)
 * @param source - the node to measure from
 * @param options - `getEdgeWeight` (default the `weight` attribute, 1 where absent) and `kernel`
 * @throws {@link NodeNotFoundError} when `source` is not a node of the graph
 * @throws {@link InvalidArgumentError} when an edge weight is not a finite number >= 0
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { singleSourceLength } from 'geoslo/shortest-path';
 *
 * const graph = new Graph({ type: 'undirected' });
 * graph.mergeEdge('sin', 'hkg', { rttMs: 33 });
 * graph.mergeEdge('hkg', 'tyo', { rttMs: 48 });
 * singleSourceLength(graph, 'sin', { getEdgeWeight: 'rttMs' }); // { sin: 0, hkg: 33, tyo: 81 }
 * ```
 */
export function singleSourceLength(
  graph: AbstractGraph, source: NodeId, options: { getEdgeWeight?: EdgeWeightOption; kernel?: 'wasm' | 'js' } = {},
): Record<string, number> {
  return publicEntry('shortestPath.singleSourceLength', () => withIndex(graph, options, (index) => index.singleSourceLength(source)));
}

/**
 * The nodes of a shortest path from `source` to `target`, both included, or null when there is
 * none. Packs the graph, answers and frees the kernel memory.
 *
 * @param graph - any graphology graph (directed, undirected or mixed)
 * @param source - the node the path starts at
 * @param target - the node the path ends at
 * @param options - `getEdgeWeight` (default the `weight` attribute, 1 where absent) and `kernel`
 * @throws {@link NodeNotFoundError} when `source` or `target` is not a node of the graph
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { path } from 'geoslo/shortest-path';
 *
 * const graph = new Graph({ type: 'undirected' });
 * graph.mergeEdge('sin', 'hkg', { rttMs: 33 });
 * graph.mergeEdge('hkg', 'tyo', { rttMs: 48 });
 * graph.mergeEdge('sin', 'tyo', { rttMs: 95 });
 * path(graph, 'sin', 'tyo', { getEdgeWeight: 'rttMs' }); // ['sin', 'hkg', 'tyo']
 * ```
 */
export function path(
  graph: AbstractGraph, source: NodeId, target: NodeId, options: { getEdgeWeight?: EdgeWeightOption; kernel?: 'wasm' | 'js' } = {},
): string[] | null {
  return publicEntry('shortestPath.path', () => withIndex(graph, options, (index) => index.path(source, target)));
}

/**
 * Lengths from each of `options.sources` to each of `options.targets` (default: all nodes, in
 * graph order), row-major. Packs the graph, answers and frees the kernel memory. The result can be
 * passed to `solvePlacement` (geoslo/placement) as `latencyMs`.
 *
 * @throws {@link NodeNotFoundError} when a source or target is not a node of the graph
 * @throws {@link CapacityError} when the Floyd-Warshall matrix asked for cannot fit in WebAssembly memory
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { matrix } from 'geoslo/shortest-path';
 *
 * const graph = new Graph({ type: 'undirected' });
 * graph.mergeEdge('sin', 'hkg', { rttMs: 33 });
 * graph.mergeEdge('hkg', 'tyo', { rttMs: 48 });
 * const lengths = matrix(graph, { getEdgeWeight: 'rttMs', sources: ['sin'], targets: ['hkg', 'tyo'] });
 * lengths.data; // Float64Array [33, 81]
 * ```
 */
export function matrix(graph: AbstractGraph, options: MatrixCallOptions = {}): LatencyMatrix {
  return publicEntry('shortestPath.matrix', () => withIndex(graph, options, (index) => index.matrix(options)));
}

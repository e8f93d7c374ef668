// One-shot shortest-path calls with the graph first, as graphology users write them: each packs the
// graph, answers, and frees the kernel memory. For repeated queries, createLatencyIndex packs once.

import type { AbstractGraph } from 'graphology-types';
import { describe } from '../util/describe.js';
import { type EdgeWeightOption } from './edge-weight.js';
import { InvalidArgumentError } from '../errors.js';
import {
  createLatencyIndexAs, type LatencyIndexOptions, type LatencyMatrix, type MatrixOptions, type NodeId,
} from './latency-index.js';

export interface MatrixCallOptions extends MatrixOptions, LatencyIndexOptions {}

function withIndex<T>(graph: AbstractGraph, options: unknown, functionName: string, query: (index: ReturnType<typeof createLatencyIndexAs>) => T): T {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError(functionName, 'options', `must be an object such as { getEdgeWeight: "weight" }; got ${describe(options)}.`);
  }
  const { getEdgeWeight, kernel } = options as LatencyIndexOptions;
  const index = createLatencyIndexAs(graph, { getEdgeWeight, kernel }, functionName);
  try {
    return query(index);
  } finally {
    index.dispose();
  }
}

/** Weighted length from `source` to every reachable node: `{ [node]: ms }`. */
export function singleSourceLength(
  graph: AbstractGraph, source: NodeId, options: { getEdgeWeight?: EdgeWeightOption; kernel?: 'wasm' | 'js' } = {},
): Record<string, number> {
  const functionName = 'shortestPath.singleSourceLength';
  return withIndex(graph, options, functionName, (index) => index.singleSourceLengthAs(source, functionName));
}

/** The nodes of a shortest path from `source` to `target`, or null when there is none. */
export function path(
  graph: AbstractGraph, source: NodeId, target: NodeId, options: { getEdgeWeight?: EdgeWeightOption; kernel?: 'wasm' | 'js' } = {},
): string[] | null {
  const functionName = 'shortestPath.path';
  return withIndex(graph, options, functionName, (index) => index.pathAs(source, target, functionName));
}

/** Lengths from each of `options.sources` to each of `options.targets` (default: all nodes). */
export function matrix(graph: AbstractGraph, options: MatrixCallOptions = {}): LatencyMatrix {
  const functionName = 'shortestPath.matrix';
  return withIndex(graph, options, functionName, (index) => index.matrixAs(options, functionName));
}

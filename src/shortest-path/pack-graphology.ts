// Packs a graphology graph into CSR once: nodes numbered in graph order, undirected edges as two
// arcs, parallel edges reduced to their lightest, self-loops dropped (they never shorten a path).
// Every weight is validated and the size checked before any typed array is made.

import type { AbstractGraph, Attributes } from 'graphology-types';
import { EmptyGraphError, InvalidArgumentError } from '../errors.js';
import type { CsrGraph } from '../kernel/csr.js';
import { describe } from '../util/describe.js';
import { describeWeightSource, resolveEdgeWeight } from './edge-weight.js';

export interface PackedGraphology {
  readonly csr: CsrGraph;
  /** Node keys by CSR index. */
  readonly nodes: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** The heaviest arc, so callers can tell whether f32 arithmetic would overflow. */
  readonly maxWeightMs: number;
}

/** Largest node count a CSR with i32 indices can address. */
const MAX_NODES = 2 ** 31 - 2;

export function assertGraph(graph: unknown): asserts graph is AbstractGraph {
  const candidate = graph as AbstractGraph | null;
  if (
    candidate === null || typeof candidate !== 'object' || typeof candidate.forEachEdge !== 'function'
    || typeof candidate.order !== 'number' || typeof candidate.nodes !== 'function'
  ) {
    throw new InvalidArgumentError('graph', `must be a graphology Graph (new Graph() from "graphology"); got ${describe(graph)}.`);
  }
}

/** Arc count of the CSR the graph packs to, before parallel edges and self-loops are removed. */
export function arcUpperBound(graph: AbstractGraph): number {
  return graph.directedSize + 2 * graph.undirectedSize;
}

/** Edges for which `includeEdge` returns false are left out (what-if cuts without copying the graph). */
export type EdgeFilter = (edge: string, attributes: Attributes, source: string, target: string) => boolean;

export function packGraphology(graph: AbstractGraph, getEdgeWeight: unknown, includeEdge?: EdgeFilter): PackedGraphology {
  const nodeCount = graph.order;
  if (nodeCount === 0) throw new EmptyGraphError();
  if (nodeCount > MAX_NODES) {
    throw new InvalidArgumentError('graph', `has ${nodeCount} nodes; the kernel addresses at most ${MAX_NODES}.`);
  }
  const weightOf = resolveEdgeWeight(getEdgeWeight);
  const nodes = graph.nodes();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) indexOf.set(nodes[i], i);

  const maxArcs = arcUpperBound(graph);
  const arcSource = new Int32Array(maxArcs);
  const arcTarget = new Int32Array(maxArcs);
  const arcWeight = new Float64Array(maxArcs);
  let arcCount = 0;
  let maxWeightMs = 0;
  graph.forEachEdge((edge, attributes, source, target, sourceAttributes, targetAttributes, undirected) => {
    if (source === target || (includeEdge && !includeEdge(edge, attributes, source, target))) return;
    const weight = weightOf(edge, attributes, source, target, sourceAttributes, targetAttributes, undirected);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new InvalidArgumentError(
        describeWeightSource(getEdgeWeight),
        `is ${describe(weight)} on edge "${edge}" (${source} -> ${target}); weights must be finite numbers >= 0: ` +
          'fix the edge, or pass a getEdgeWeight that returns one.',
      );
    }
    if (weight > maxWeightMs) maxWeightMs = weight;
    const from = indexOf.get(source) as number;
    const to = indexOf.get(target) as number;
    arcSource[arcCount] = from;
    arcTarget[arcCount] = to;
    arcWeight[arcCount++] = weight;
    if (undirected) {
      arcSource[arcCount] = to;
      arcTarget[arcCount] = from;
      arcWeight[arcCount++] = weight;
    }
  });
  // A path crosses at most nodeCount - 1 edges: with weights this large its length could overflow
  // to Infinity and read as "no path".
  if (!Number.isFinite(maxWeightMs * Math.max(nodeCount - 1, 1))) {
    throw new InvalidArgumentError(
      describeWeightSource(getEdgeWeight),
      `reaches ${maxWeightMs.toExponential(2)}, so a path over ${nodeCount - 1} edges could sum past the largest number; scale the weights down.`,
    );
  }
  return { csr: buildCsr(nodeCount, arcSource, arcTarget, arcWeight, arcCount), nodes, indexOf, maxWeightMs };
}

/** Counting sort of arcs by source; parallel arcs keep the lightest, in first-seen order. */
function buildCsr(nodeCount: number, arcSource: Int32Array, arcTarget: Int32Array, arcWeight: Float64Array, arcCount: number): CsrGraph {
  const starts = new Int32Array(nodeCount + 1);
  for (let a = 0; a < arcCount; a++) starts[arcSource[a] + 1]++;
  for (let v = 0; v < nodeCount; v++) starts[v + 1] += starts[v];
  const fill = starts.slice(0, nodeCount);
  const sortedTarget = new Int32Array(arcCount);
  const sortedWeight = new Float64Array(arcCount);
  for (let a = 0; a < arcCount; a++) {
    const slot = fill[arcSource[a]]++;
    sortedTarget[slot] = arcTarget[a];
    sortedWeight[slot] = arcWeight[a];
  }

  const offsets = new Int32Array(nodeCount + 1);
  const neighbours = new Int32Array(arcCount);
  const weightsMs = new Float64Array(arcCount);
  // slotOf[target] is where source u's arc to target went, valid while ownerOf[target] === u.
  const slotOf = new Int32Array(nodeCount);
  const ownerOf = new Int32Array(nodeCount).fill(-1);
  let written = 0;
  for (let u = 0; u < nodeCount; u++) {
    offsets[u] = written;
    for (let a = starts[u]; a < starts[u + 1]; a++) {
      const v = sortedTarget[a];
      if (ownerOf[v] === u) {
        const slot = slotOf[v];
        if (sortedWeight[a] < weightsMs[slot]) weightsMs[slot] = sortedWeight[a];
        continue;
      }
      ownerOf[v] = u;
      slotOf[v] = written;
      neighbours[written] = v;
      weightsMs[written++] = sortedWeight[a];
    }
  }
  offsets[nodeCount] = written;
  return {
    nodeCount,
    offsets,
    neighbours: written === arcCount ? neighbours : neighbours.slice(0, written),
    weightsMs: written === arcCount ? weightsMs : weightsMs.slice(0, written),
  };
}

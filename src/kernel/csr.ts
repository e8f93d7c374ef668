// The compressed sparse row form every shortest-path kernel reads: the arcs leaving node v are
// neighbours/weightsMs[offsets[v] .. offsets[v + 1]).

export interface CsrGraph {
  readonly nodeCount: number;
  /** Length nodeCount + 1. */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  /** Arc weights, finite and >= 0. */
  readonly weightsMs: Float64Array;
}

/** Bytes of the three CSR arrays for a graph of this size. */
export function csrBytes(nodeCount: number, arcCount: number): number {
  return (nodeCount + 1) * Int32Array.BYTES_PER_ELEMENT + arcCount * (Int32Array.BYTES_PER_ELEMENT + Float64Array.BYTES_PER_ELEMENT);
}

/**
 * Dijkstra runs over one graph. Run r starts from seeds runStarts[r] .. runStarts[r + 1] with initial
 * distances (one seed at 0 is single-source; several seeds attach a point by its access costs).
 */
export interface DijkstraRunsRequest {
  readonly runStarts: Int32Array;
  readonly seedNodes: Int32Array;
  readonly seedDistancesMs: Float64Array;
  /** Nodes each run reports, in output column order; null reports every node. */
  readonly targetNodes: Int32Array | null;
  readonly withPredecessors: boolean;
}

export interface DijkstraRunsResult {
  /** Row-major, one row per run, one column per target (or node); unreachable is +Infinity. */
  readonly distancesMs: Float64Array;
  /** Row-major, one row of nodeCount per run: the node before v on a shortest path, -1 if none. */
  readonly predecessors: Int32Array | null;
}

/** One run per source node, each seeded at distance 0. */
export function singleSourceRuns(sources: Int32Array, targetNodes: Int32Array | null, withPredecessors = false): DijkstraRunsRequest {
  const runStarts = new Int32Array(sources.length + 1);
  for (let run = 0; run <= sources.length; run++) runStarts[run] = run;
  return {
    runStarts,
    seedNodes: sources,
    seedDistancesMs: new Float64Array(sources.length),
    targetNodes,
    withPredecessors,
  };
}

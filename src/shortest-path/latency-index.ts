// A graphology graph packed once for repeated shortest-path queries: single-source lengths, paths
// and matrices, answered by the WebAssembly kernel (or its TypeScript twin) until dispose().

import type { AbstractGraph } from 'graphology-types';
import { DisposedError, InvalidArgumentError, NodeNotFoundError, publicEntry } from '../errors.js';
import { type CsrGraph, csrBytes, singleSourceRuns } from '../kernel/csr.js';
import { floydWarshall, floydWarshallBytes, floydWarshallPaddedSize } from '../kernel/floyd-warshall.js';
import { ensureWasmCapacity, wasmBytesAvailable } from '../kernel/memory.js';
import { type KernelName, type PackedGraph, packGraph } from '../kernel/packed-graph.js';
import { describe } from '../util/describe.js';
import { type EdgeWeightOption } from './edge-weight.js';
import { arcUpperBound, assertGraph, packGraphology } from './pack-graphology.js';

/** A graphology node key; a number is looked up as its string form, as graphology does. */
export type NodeId = string | number;

/** How {@link createLatencyIndex} weighs the graph's edges and which kernel answers queries. */
export interface LatencyIndexOptions {
  /** Edge weight: attribute name, function, or null for unit weights. @default "weight" */
  getEdgeWeight?: EdgeWeightOption;
  /** 'wasm' runs the WebAssembly kernel; 'js' its TypeScript twin (reference and baseline). @default "wasm" */
  kernel?: KernelName;
}

/** How a matrix is computed: see {@link MatrixOptions.method}. */
export type MatrixMethod = 'auto' | 'dijkstra' | 'floyd-warshall';

/** Which rows and columns a matrix has, and how it is computed. */
export interface MatrixOptions {
  /** Row nodes. @default every node, in graph order */
  sources?: readonly NodeId[];
  /** Column nodes. @default every node, in graph order */
  targets?: readonly NodeId[];
  /**
   * 'dijkstra' runs one early-exit Dijkstra per source in f64; 'floyd-warshall' solves all pairs on a
   * dense f32 matrix (exact for integer weights below 2^24, otherwise within f32 rounding); 'auto'
   * picks the cheaper by size and density. @default "auto"
   */
  method?: MatrixMethod;
}

/** Row-major sources x targets lengths; `solvePlacement` accepts it as `latencyMs` directly. */
export interface LatencyMatrix {
  /** Number of sources. */
  readonly rows: number;
  /** Number of targets. */
  readonly cols: number;
  /** data[r * cols + c] = length from sources[r] to targets[c]; +Infinity when unreachable. */
  readonly data: Float64Array;
  /** Row node keys, in row order. */
  readonly sources: string[];
  /** Column node keys, in column order. */
  readonly targets: string[];
  /** The method that computed it ('auto' resolved to the one it picked). */
  readonly method: Exclude<MatrixMethod, 'auto'>;
}

const KERNELS: readonly KernelName[] = ['wasm', 'js'];
const METHODS: readonly MatrixMethod[] = ['auto', 'dijkstra', 'floyd-warshall'];
/** Past this, f32 sums of path lengths could overflow to Infinity. */
const F32_SAFE_PATH_LENGTH = 1e37;
/** The largest Float64Array the engine makes (2^32 elements). */
const MAX_MATRIX_CELLS = 2 ** 32;

/**
 * A graphology graph packed once into kernel memory for repeated shortest-path queries. Make one
 * with {@link createLatencyIndex}; free it with `dispose()` or a `using` declaration, after which
 * every method throws {@link DisposedError}. Later changes to the graph are not seen.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { createLatencyIndex } from 'geoslo/shortest-path';
 *
 * const graph = new Graph({ type: 'undirected' });
 * graph.mergeEdge('sin', 'hkg', { rttMs: 33 });
 * graph.mergeEdge('hkg', 'tyo', { rttMs: 48 });
 * const index = createLatencyIndex(graph, { getEdgeWeight: 'rttMs' });
 * try {
 *   index.singleSourceLength('tyo'); // { sin: 81, hkg: 48, tyo: 0 }
 *   index.path('sin', 'tyo'); // ['sin', 'hkg', 'tyo']
 *   index.matrix({ sources: ['sin'] }).data; // Float64Array [0, 33, 81]
 * } finally {
 *   index.dispose();
 * }
 * ```
 */
export class LatencyIndex {
  /** Node keys in index order (graph order). */
  readonly nodes: readonly string[];
  private readonly indexOf: ReadonlyMap<string, number>;
  private readonly maxWeightMs: number;
  private packed: PackedGraph | null;

  /** @internal Use createLatencyIndex(). */
  constructor(graph: AbstractGraph, options: LatencyIndexOptions) {
    const kernelName = options.kernel ?? 'wasm';
    if (!KERNELS.includes(kernelName)) {
      throw new InvalidArgumentError('options.kernel', `must be "wasm" or "js"; got ${describe(kernelName)}.`);
    }
    if (kernelName === 'wasm') {
      ensureWasmCapacity(
        'graph', csrBytes(graph.order, arcUpperBound(graph)),
        `it has ${graph.order} nodes and up to ${arcUpperBound(graph)} arcs; use a smaller graph or kernel: 'js'.`,
      );
    }
    const { csr, nodes, indexOf, maxWeightMs } = packGraphology(graph, options.getEdgeWeight);
    this.nodes = nodes;
    this.indexOf = indexOf;
    this.maxWeightMs = maxWeightMs;
    this.packed = packGraph(csr, kernelName);
  }

  /** Number of nodes in the packed graph. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** Which kernel answers: 'wasm' (WebAssembly) or 'js' (its TypeScript twin). */
  get kernel(): KernelName {
    return publicEntry('kernel', () => this.live().kernel);
  }

  /** Bytes the packed graph holds in WebAssembly memory (0 with kernel 'js'). */
  get packedBytes(): number {
    return publicEntry('packedBytes', () => this.live().packedBytes);
  }

  /** Weighted length to every reachable node: `{ [node]: ms }`, unreachable nodes absent. */
  singleSourceLength(source: NodeId): Record<string, number> {
    return publicEntry('LatencyIndex.singleSourceLength', () => {
      const packed = this.live();
      const sourceIndex = this.resolve(source, 'source');
      const { distancesMs } = packed.runDijkstra(singleSourceRuns(Int32Array.of(sourceIndex), null));
      const lengths: Record<string, number> = {};
      for (let v = 0; v < distancesMs.length; v++) {
        if (distancesMs[v] !== Infinity) lengths[this.nodes[v]] = distancesMs[v];
      }
      return lengths;
    });
  }

  /** The nodes of a shortest path from source to target, both included; null if unreachable. */
  path(source: NodeId, target: NodeId): string[] | null {
    return publicEntry('LatencyIndex.path', () => {
      const packed = this.live();
      const sourceIndex = this.resolve(source, 'source');
      const targetIndex = this.resolve(target, 'target');
      const { distancesMs, predecessors } = packed.runDijkstra(singleSourceRuns(Int32Array.of(sourceIndex), Int32Array.of(targetIndex), true));
      if (distancesMs[0] === Infinity) return null;
      const reversed: string[] = [];
      for (let v = targetIndex; v !== -1; v = (predecessors as Int32Array)[v]) reversed.push(this.nodes[v]);
      return reversed.reverse();
    });
  }

  /** Lengths from every source to every target (default: all nodes), row-major. */
  matrix(options: MatrixOptions = {}): LatencyMatrix {
    return publicEntry('LatencyIndex.matrix', () => {
      const packed = this.live();
      if (options === null || typeof options !== 'object') {
        throw new InvalidArgumentError('options', `must be an object such as { sources, targets }; got ${describe(options)}.`);
      }
      const method = options.method ?? 'auto';
      if (!METHODS.includes(method)) {
        throw new InvalidArgumentError('options.method', `must be one of ${METHODS.map((m) => `"${m}"`).join(', ')}; got ${describe(method)}.`);
      }
      const sources = this.resolveList(options.sources, 'options.sources');
      const targets = this.resolveList(options.targets, 'options.targets');
      const cells = sources.length * targets.length;
      if (cells > MAX_MATRIX_CELLS) {
        throw new InvalidArgumentError(
          'options.sources',
          `x options.targets is ${sources.length} x ${targets.length} = ${cells} cells, more than one Float64Array holds (2^32); ask for fewer.`,
        );
      }
      if (method === 'floyd-warshall' && this.maxWeightMs * this.nodeCount > F32_SAFE_PATH_LENGTH) {
        throw new InvalidArgumentError(
          'options.method',
          `is "floyd-warshall", which adds path lengths in f32 (at most about 3.4e38), but weights reach ${this.maxWeightMs.toExponential(2)} here; use "dijkstra" or "auto".`,
        );
      }
      const chosen = method === 'auto' ? this.cheaperMethod(packed, sources.length, targets.length) : method;
      const data = chosen === 'dijkstra'
        ? packed.runDijkstra(singleSourceRuns(sources, targets.length === this.nodeCount && isIdentity(targets) ? null : targets)).distancesMs
        : this.floydWarshallMatrix(packed, sources, targets);
      return {
        rows: sources.length,
        cols: targets.length,
        data,
        sources: Array.from(sources, (s) => this.nodes[s]),
        targets: Array.from(targets, (t) => this.nodes[t]),
        method: chosen,
      };
    });
  }

  /** Frees the packed graph's WebAssembly memory; later calls throw DisposedError. Idempotent. */
  dispose(): void {
    this.packed?.dispose();
    this.packed = null;
  }

  /** Same as `dispose()`, for `using index = createLatencyIndex(...)`. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  /**
   * Cost model measured on this kernel: Dijkstra costs about 12 ns per arc and 6 ns per heap level
   * per node for each source; blocked SIMD Floyd-Warshall about 0.15 ns per min-plus update (the
   * TypeScript twins about 1.3x and 10x those).
   */
  private cheaperMethod(packed: PackedGraph, sourceCount: number, targetCount: number): 'dijkstra' | 'floyd-warshall' {
    const n = packed.nodeCount;
    if (this.maxWeightMs * n > F32_SAFE_PATH_LENGTH || sourceCount === 0 || targetCount === 0) return 'dijkstra';
    if (packed.kernel === 'wasm' && floydWarshallBytes(n) > wasmBytesAvailable() / 2) return 'dijkstra';
    const padded = packed.kernel === 'wasm' ? floydWarshallPaddedSize(n) : n;
    const dijkstraNs = sourceCount * (packed.arcCount * 12 + n * Math.log2(n + 1) * 6) * (packed.kernel === 'wasm' ? 1 : 1.3);
    const floydWarshallNs = padded ** 3 * (packed.kernel === 'wasm' ? 0.15 : 1.5) + n * n * 4;
    return floydWarshallNs < dijkstraNs ? 'floyd-warshall' : 'dijkstra';
  }

  private floydWarshallMatrix(packed: PackedGraph, sources: Int32Array, targets: Int32Array): Float64Array {
    const n = packed.nodeCount;
    if (packed.kernel === 'wasm') {
      ensureWasmCapacity(
        'the distance matrix', floydWarshallBytes(n),
        'use method: "dijkstra", which needs memory only for its output rows.',
      );
    }
    const dense = denseAdjacency(packed.csr);
    floydWarshall(dense, n, packed.kernel === 'wasm' ? 'wasm-simd' : 'js');
    const data = new Float64Array(sources.length * targets.length);
    for (let r = 0; r < sources.length; r++) {
      const rowBase = sources[r] * n;
      for (let c = 0; c < targets.length; c++) data[r * targets.length + c] = dense[rowBase + targets[c]];
    }
    return data;
  }

  private live(): PackedGraph {
    if (this.packed === null) throw new DisposedError('latency index');
    return this.packed;
  }

  private resolve(node: unknown, field: string): number {
    if (typeof node !== 'string' && !(typeof node === 'number' && Number.isFinite(node))) {
      throw new InvalidArgumentError(field, `must be a node id (string or number); got ${describe(node)}.`);
    }
    const index = this.indexOf.get(String(node));
    if (index === undefined) throw new NodeNotFoundError(field, String(node));
    return index;
  }

  private resolveList(list: readonly NodeId[] | undefined, field: string): Int32Array {
    if (list === undefined) return Int32Array.from(this.nodes, (_, i) => i);
    if (!Array.isArray(list)) {
      throw new InvalidArgumentError(field, `must be an array of node ids; got ${describe(list)}.`);
    }
    const indices = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) indices[i] = this.resolve(list[i], `${field}[${i}]`);
    return indices;
  }
}

/** Dense row-major f32 adjacency: 0 on the diagonal, the arc weight, or +Infinity. */
function denseAdjacency(csr: CsrGraph): Float32Array {
  const n = csr.nodeCount;
  const dense = new Float32Array(n * n).fill(Infinity);
  for (let u = 0; u < n; u++) {
    dense[u * n + u] = 0;
    for (let e = csr.offsets[u]; e < csr.offsets[u + 1]; e++) dense[u * n + csr.neighbours[e]] = csr.weightsMs[e];
  }
  return dense;
}

function isIdentity(indices: Int32Array): boolean {
  for (let i = 0; i < indices.length; i++) if (indices[i] !== i) return false;
  return true;
}

/**
 * Packs `graph` (directed, undirected or mixed) for repeated queries. Parallel edges keep the
 * lightest, self-loops are ignored. Call dispose() (or `using`) to free its WebAssembly memory.
 *
 * @param graph - any graphology graph with at least one node
 * @param options - `getEdgeWeight` (default the `weight` attribute, 1 where absent) and `kernel` (default 'wasm')
 * @throws {@link EmptyGraphError} when the graph has no nodes
 * @throws {@link InvalidArgumentError} when an option or an edge weight is malformed (weights must be finite and >= 0)
 * @throws {@link CapacityError} when the packed graph cannot fit in WebAssembly memory
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { createLatencyIndex } from 'geoslo/shortest-path';
 *
 * const graph = new Graph({ type: 'undirected' });
 * graph.mergeEdge('sin', 'hkg', { rttMs: 33 });
 * graph.mergeEdge('hkg', 'tyo', { rttMs: 48 });
 * using index = createLatencyIndex(graph, { getEdgeWeight: 'rttMs' }); // freed at the end of the scope
 * index.path('sin', 'tyo'); // ['sin', 'hkg', 'tyo']
 * ```
 */
export function createLatencyIndex(graph: AbstractGraph, options: LatencyIndexOptions = {}): LatencyIndex {
  return publicEntry('createLatencyIndex', () => {
    assertGraph(graph);
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError('options', `must be an object such as { getEdgeWeight: "weight" }; got ${describe(options)}.`);
    }
    return new LatencyIndex(graph, options);
  });
}

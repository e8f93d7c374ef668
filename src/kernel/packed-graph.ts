// A CSR graph made ready for repeated Dijkstra runs by one kernel: copied once into WebAssembly
// memory ('wasm'), or kept as typed arrays for the TypeScript twin ('js'). Callers see the same
// interface and the same results either way.

import type { CsrGraph, DijkstraRunsRequest, DijkstraRunsResult } from './csr.js';
import { csrBytes } from './csr.js';
import { CapacityError } from '../errors.js';
import {
  allocateBlocks, copyIn, copyOutFloat64, copyOutInt32, ensureWasmCapacity, heapCostBytes, releaseBlocks, wasmBytesAvailable,
} from './memory.js';
import { dijkstraRunsTwin } from './twin/dijkstra.js';
import { kernel } from './wasm.js';

/**
 * Which kernel runs: 'wasm' the WebAssembly kernel, 'js' its TypeScript twin (reference and baseline).
 * @inline
 */
export type KernelName = 'wasm' | 'js';

export interface PackedGraph {
  readonly kernel: KernelName;
  readonly nodeCount: number;
  readonly arcCount: number;
  /** Bytes this graph holds in WebAssembly memory (0 for the 'js' kernel). */
  readonly packedBytes: number;
  /** The CSR arrays on the JavaScript side (the dense Floyd-Warshall matrix is built from them). */
  readonly csr: CsrGraph;
  runDijkstra(request: DijkstraRunsRequest): DijkstraRunsResult;
  dispose(): void;
}

export function packGraph(csr: CsrGraph, kernelName: KernelName): PackedGraph {
  return kernelName === 'wasm' ? new WasmPackedGraph(csr) : new TwinPackedGraph(csr);
}

class TwinPackedGraph implements PackedGraph {
  readonly kernel = 'js';
  readonly packedBytes = 0;
  readonly nodeCount: number;
  readonly arcCount: number;

  constructor(readonly csr: CsrGraph) {
    this.nodeCount = csr.nodeCount;
    this.arcCount = csr.neighbours.length;
  }

  runDijkstra(request: DijkstraRunsRequest): DijkstraRunsResult {
    return dijkstraRunsTwin(this.csr, request);
  }

  dispose(): void {}
}

/** Scratch the kernel allocates per call: position, heap nodes, heap keys, touched, distances, flags. */
function dijkstraScratchBytes(nodeCount: number, hasTargets: boolean): number[] {
  const fixed = [nodeCount * 4, nodeCount * 4, nodeCount * 8, nodeCount * 4];
  return hasTargets ? [...fixed, nodeCount * 8, nodeCount] : fixed;
}

/** Output rows per kernel call, so the wasm output buffer stays small whatever the matrix size. */
const MAX_OUTPUT_BYTES_PER_CALL = 64 * 2 ** 20;

class WasmPackedGraph implements PackedGraph {
  readonly kernel = 'wasm';
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly packedBytes: number;
  private blocks: number[];

  constructor(readonly csr: CsrGraph) {
    this.nodeCount = csr.nodeCount;
    this.arcCount = csr.neighbours.length;
    const sizes = [csr.offsets.byteLength, csr.neighbours.byteLength, csr.weightsMs.byteLength];
    const heapBefore = kernel().heapBytesInUse();
    this.blocks = allocateBlocks(
      'graph', sizes,
      `the packed graph is ${csrBytes(this.nodeCount, this.arcCount)} bytes of CSR; use a smaller graph or kernel: 'js'.`,
    );
    this.packedBytes = kernel().heapBytesInUse() - heapBefore;
    const [offsets, neighbours, weights] = this.blocks;
    copyIn(offsets, csr.offsets);
    copyIn(neighbours, csr.neighbours);
    copyIn(weights, csr.weightsMs);
  }

  runDijkstra(request: DijkstraRunsRequest): DijkstraRunsResult {
    const { runStarts, seedNodes, seedDistancesMs, targetNodes, withPredecessors } = request;
    const n = this.nodeCount;
    const runCount = runStarts.length - 1;
    const columns = targetNodes === null ? n : targetNodes.length;
    const distancesMs = new Float64Array(runCount * columns);
    const predecessors = withPredecessors ? new Int32Array(runCount * n).fill(-1) : null;
    // The kernel reads a target count of 0 as "every node": an empty target list asks for nothing.
    if (columns === 0) return { distancesMs, predecessors };
    const rowBytes = columns * 8 + (withPredecessors ? n * 4 : 0);
    const runsPerCall = Math.max(1, Math.floor(MAX_OUTPUT_BYTES_PER_CALL / Math.max(rowBytes, 1)));
    const { dijkstraRuns } = kernel();
    const [offsets, neighbours, weights] = this.blocks;

    for (let firstRun = 0; firstRun < runCount; firstRun += runsPerCall) {
      const callRuns = Math.min(runsPerCall, runCount - firstRun);
      const seedStart = runStarts[firstRun];
      const seedEnd = runStarts[firstRun + callRuns];
      const callRunStarts = runStarts.subarray(firstRun, firstRun + callRuns + 1).map((s) => s - seedStart);
      const sizes = [
        callRunStarts.byteLength, (seedEnd - seedStart) * 4, (seedEnd - seedStart) * 8,
        targetNodes === null ? 0 : targetNodes.byteLength,
        callRuns * columns * 8, withPredecessors ? callRuns * n * 4 : 0,
      ];
      const fix = 'ask for fewer sources or targets per call.';
      ensureWasmCapacity('the query', heapCostBytes([...sizes, ...dijkstraScratchBytes(n, targetNodes !== null)]), fix);
      const blocks = allocateBlocks('the query', sizes, fix);
      const [runStartsPointer, seedNodesPointer, seedDistancesPointer, targetsPointer, outPointer, predecessorsPointer] = blocks;
      try {
        copyIn(runStartsPointer, callRunStarts);
        copyIn(seedNodesPointer, seedNodes.subarray(seedStart, seedEnd));
        copyIn(seedDistancesPointer, seedDistancesMs.subarray(seedStart, seedEnd));
        if (targetNodes !== null) copyIn(targetsPointer, targetNodes);
        const status = dijkstraRuns(
          offsets, neighbours, weights, n,
          runStartsPointer, seedNodesPointer, seedDistancesPointer, callRuns,
          targetsPointer, targetNodes === null ? 0 : targetNodes.length,
          outPointer, predecessorsPointer,
        );
        if (status !== 0) {
          throw new CapacityError('the query', heapCostBytes(dijkstraScratchBytes(n, targetNodes !== null)), wasmBytesAvailable(), fix);
        }
        copyOutFloat64(outPointer, callRuns * columns, distancesMs, firstRun * columns);
        if (predecessors) copyOutInt32(predecessorsPointer, callRuns * n, predecessors, firstRun * n);
      } finally {
        releaseBlocks(blocks);
      }
    }
    return { distancesMs, predecessors };
  }

  dispose(): void {
    releaseBlocks(this.blocks);
    this.blocks = [0, 0, 0];
  }
}

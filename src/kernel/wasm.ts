// Loads the AssemblyScript kernel from bytes inlined in the bundle, so Node, bundlers and notebooks
// need no asset path. The module has no imports: instantiation needs nothing but the bytes.

import kernelBytes from '../../build/geoslo.wasm';

/** The kernel's raw exports: pointers are byte offsets into `memory`, sizes are counts. */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  allocate(bytes: number): number;
  release(pointer: number): void;
  heapBytesInUse(): number;
  heapBytesSpanned(): number;
  dijkstraRuns(
    offsets: number, neighbours: number, weights: number, nodeCount: number,
    runStarts: number, seedNodes: number, seedDistances: number, runCount: number,
    targetNodes: number, targetCount: number,
    out: number, predecessors: number,
  ): number;
  readonly FLOYD_WARSHALL_BLOCK: WebAssembly.Global;
  floydWarshallSimd(matrix: number, size: number): void;
  floydWarshallScalar(matrix: number, size: number): void;
  pMedianCost(distance: number, n: number, weights: number, sites: number, count: number): number;
  pMedianGreedy(distance: number, n: number, m: number, weights: number, fixed: number, allowed: number, k: number, unreachableMs: number, outSites: number): number;
  pMedianInterchange(
    distance: number, n: number, m: number, weights: number, fixed: number, allowed: number, sites: number, k: number, unreachableMs: number,
    maxSwaps: number, swapsOut: number,
  ): number;
  pMedianSubgradient(
    distance: number, n: number, m: number, weights: number, status: number, k: number,
    lambda: number, progress: number, upperBound: number, iterations: number, chosenOut: number,
  ): number;
  coverGreedy(coverStart: number, coverDemands: number, n: number, m: number, requirement: number, costs: number, status: number, preopened: number, outSites: number): number;
  coverSubgradient(
    coverStart: number, coverDemands: number, n: number, m: number, requirement: number, costs: number, status: number,
    multipliers: number, progress: number, upperBound: number, iterations: number, chosenOut: number, latestOut: number,
  ): number;
  coverSubgradientDense(
    distance: number, radius: number, required: number, n: number, m: number, requirement: number, costs: number, status: number,
    multipliers: number, progress: number, upperBound: number, iterations: number, chosenOut: number, latestOut: number,
  ): number;
  coverDecision(
    coverStart: number, coverDemands: number, n: number, m: number, needed: number, fixed: number, allowed: number,
    k: number, nodeBudget: number, outSites: number,
  ): number;
  coverageGreedy(coverStart: number, coverDemands: number, n: number, m: number, weights: number, status: number, k: number, outSites: number): number;
  coverageSwap(coverStart: number, coverDemands: number, n: number, m: number, weights: number, fixed: number, allowed: number, sites: number, count: number): number;
  coverageTabu(
    coverStart: number, coverDemands: number, n: number, m: number, weights: number, fixed: number, allowed: number,
    sites: number, count: number, steps: number, tenure: number, target: number,
  ): number;
  coverageSubgradient(
    coverStart: number, coverDemands: number, n: number, m: number, weights: number, status: number, k: number,
    multipliers: number, progress: number, lowerBound: number, iterations: number, chosenOut: number,
  ): number;
  nearestOfSet(
    matrix: number, rowCount: number, setColumns: number, setCount: number,
    bestValue: number, bestColumn: number,
  ): void;
}

let kernelInstance: KernelExports | null = null;
let initPromise: Promise<void> | null = null;

/**
 * Compiles and instantiates the kernel. Idempotent: every call returns the same promise; after a
 * failure the next call tries again. Optional in Node, where the first call that needs the kernel
 * instantiates it synchronously; in a browser await it first, so the kernel compiles
 * asynchronously there.
 *
 * @returns a promise that resolves once the kernel is ready, or rejects with the engine's
 *   WebAssembly error
 * @example
 * ```ts
 * import { init, plan } from 'geoslo';
 *
 * await init();
 * const result = plan({ markets: { countries: ['SG', 'ID'] } });
 * ```
 */
export function init(): Promise<void> {
  if (initPromise) return initPromise;
  if (kernelInstance) {
    initPromise = Promise.resolve();
    return initPromise;
  }
  const attempt = WebAssembly.instantiate(kernelBytes, {}).then(
    (source) => {
      kernelInstance ??= source.instance.exports as unknown as KernelExports;
    },
    (error: unknown) => {
      initPromise = null;
      throw error;
    },
  );
  initPromise = attempt;
  return attempt;
}

/**
 * Instantiates the kernel synchronously (Node, workers; browsers allow it for a module this small).
 * Does nothing when the kernel is already instantiated.
 *
 * @throws the engine's WebAssembly error when the module cannot be compiled or instantiated
 * @example
 * ```ts
 * import { initSync, greatCircleKm } from 'geoslo';
 *
 * initSync(); // no await: e.g. at the top of a CommonJS module
 * greatCircleKm([103.82, 1.35], [55.27, 25.2]);
 * ```
 */
export function initSync(): void {
  if (kernelInstance) return;
  const module = new WebAssembly.Module(kernelBytes);
  kernelInstance = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
}

/** The kernel's exports, instantiating it synchronously on first use if `init()` was not awaited. */
export function kernel(): KernelExports {
  if (!kernelInstance) initSync();
  return kernelInstance as KernelExports;
}

// The p-median kernels behind one interface: the WebAssembly ones, with the instance's distance
// matrix copied into kernel memory once per solve, or their TypeScript twins. Solvers call through
// this and get the same answers either way.

import { scratchChecked, withScratch } from './kernel-scratch.js';
import { allocateBlocks, copyIn, copyOutFloat64, copyOutInt32, releaseBlocks } from './memory.js';
import type { KernelName } from './packed-graph.js';
import type { PlacementInstance } from './twin/placement/instance.js';
import { greedyPMedian, type InterchangeStep, interchangePMedian, pMedianCost } from './twin/placement/p-median-search.js';
import { pMedianSubgradient } from './twin/placement/p-median-subgradient.js';
import { kernel } from './wasm.js';

/** The kernel counts swaps in an i32. */
const MAX_I32 = 2 ** 31 - 1;

export interface PMedianKernel {
  readonly instance: PlacementInstance;
  cost(sites: Int32Array): number;
  /** Greedy completion of the sites marked in `fixed` (the instance's own by default). */
  greedy(fixed?: Uint8Array): Int32Array;
  /** At most `maxSwaps` best-improvement swaps from `start`. */
  interchange(start: Int32Array, maxSwaps: number): InterchangeStep;
  subgradient(status: Uint8Array, lambda: Float64Array, progress: Float64Array, upperBound: number, iterations: number, chosenOut: Uint8Array): boolean;
  dispose(): void;
}

export function createPMedianKernel(instance: PlacementInstance, kernelName: KernelName): PMedianKernel {
  return kernelName === 'wasm' ? new WasmPMedianKernel(instance) : new TwinPMedianKernel(instance);
}

class TwinPMedianKernel implements PMedianKernel {
  constructor(readonly instance: PlacementInstance) {}

  cost(sites: Int32Array): number {
    return pMedianCost(this.instance, sites);
  }

  greedy(fixed?: Uint8Array): Int32Array {
    return greedyPMedian(fixed ? { ...this.instance, fixed } : this.instance);
  }

  interchange(start: Int32Array, maxSwaps: number): InterchangeStep {
    return interchangePMedian(this.instance, start, maxSwaps);
  }

  subgradient(status: Uint8Array, lambda: Float64Array, progress: Float64Array, upperBound: number, iterations: number, chosenOut: Uint8Array): boolean {
    return pMedianSubgradient(this.instance, status, lambda, progress, upperBound, iterations, chosenOut);
  }

  dispose(): void {}
}

class WasmPMedianKernel implements PMedianKernel {
  private blocks: number[];

  constructor(readonly instance: PlacementInstance) {
    const { distance, weights, fixed, allowed } = instance;
    this.blocks = allocateBlocks(
      'problem.latencyMs', [distance.byteLength, weights.byteLength, fixed.byteLength, allowed.byteLength],
      'solve with kernel: "js", or with fewer demands or candidates.',
    );
    const [distancePointer, weightsPointer, fixedPointer, allowedPointer] = this.blocks;
    copyIn(distancePointer, distance);
    copyIn(weightsPointer, weights);
    copyIn(fixedPointer, fixed);
    copyIn(allowedPointer, allowed);
  }



  cost(sites: Int32Array): number {
    const { demandCount: n } = this.instance;
    return withScratch([sites.byteLength], ([sitesPointer]) => {
      copyIn(sitesPointer, sites);
      return kernel().pMedianCost(this.blocks[0], n, this.blocks[1], sitesPointer, sites.length);
    });
  }

  greedy(fixed?: Uint8Array): Int32Array {
    const { demandCount: n, candidateCount: m, k, unreachableMs } = this.instance;
    return withScratch([m * 4, fixed ? m : 0], ([outPointer, fixedPointer]) => {
      if (fixed) copyIn(fixedPointer, fixed);
      const count = scratchChecked(kernel().pMedianGreedy(
        this.blocks[0], n, m, this.blocks[1], fixed ? fixedPointer : this.blocks[2], this.blocks[3], k, unreachableMs, outPointer,
      ));
      const sites = new Int32Array(count);
      copyOutInt32(outPointer, count, sites);
      return sites;
    });
  }

  interchange(start: Int32Array, maxSwaps: number): InterchangeStep {
    const { demandCount: n, candidateCount: m, unreachableMs } = this.instance;
    return withScratch([start.byteLength, 4], ([sitesPointer, swapsPointer]) => {
      copyIn(sitesPointer, start);
      const cost = scratchChecked(kernel().pMedianInterchange(
        this.blocks[0], n, m, this.blocks[1], this.blocks[2], this.blocks[3], sitesPointer, start.length, unreachableMs,
        Math.min(maxSwaps, MAX_I32), swapsPointer,
      ));
      const sites = new Int32Array(start.length);
      copyOutInt32(sitesPointer, start.length, sites);
      const swaps = new Int32Array(1);
      copyOutInt32(swapsPointer, 1, swaps);
      return { sites, cost, swaps: swaps[0] };
    });
  }

  subgradient(status: Uint8Array, lambda: Float64Array, progress: Float64Array, upperBound: number, iterations: number, chosenOut: Uint8Array): boolean {
    const { demandCount: n, candidateCount: m, k } = this.instance;
    return withScratch([m, lambda.byteLength, progress.byteLength, m], ([statusPointer, lambdaPointer, progressPointer, chosenPointer]) => {
      copyIn(statusPointer, status);
      copyIn(lambdaPointer, lambda);
      copyIn(progressPointer, progress);
      copyIn(chosenPointer, chosenOut);
      const improved = scratchChecked(kernel().pMedianSubgradient(
        this.blocks[0], n, m, this.blocks[1], statusPointer, k, lambdaPointer, progressPointer, upperBound, iterations, chosenPointer,
      ));
      copyOutFloat64(lambdaPointer, n, lambda);
      copyOutFloat64(progressPointer, progress.length, progress);
      chosenOut.set(new Uint8Array(kernel().memory.buffer, chosenPointer, m));
      return improved === 1;
    });
  }

  dispose(): void {
    releaseBlocks(this.blocks);
    this.blocks = [0, 0, 0, 0];
  }
}

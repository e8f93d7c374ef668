// The max-coverage kernels behind one interface: greedy addition, swaps, tabu search and chunks of
// subgradient steps on the upper bound, in WebAssembly (cover lists copied in once per instance)
// or the TypeScript twin.

import { scratchChecked, withScratch } from './kernel-scratch.js';
import { allocateBlocks, copyIn, copyOutFloat64, copyOutInt32, releaseBlocks } from './memory.js';
import type { KernelName } from './packed-graph.js';
import { type CoverageInstance, coverageSubgradient, greedyCoverage, swapCoverage, tabuCoverage } from './twin/placement/max-coverage.js';
import { kernel } from './wasm.js';

export interface CoverageKernel {
  readonly instance: CoverageInstance;
  greedy(status: Uint8Array): Int32Array;
  swap(start: Int32Array): Int32Array;
  tabu(start: Int32Array, steps: number, tenure: number, target: number): Int32Array;
  subgradient(status: Uint8Array, multipliers: Float64Array, progress: Float64Array, lowerBound: number, iterations: number, chosenOut: Uint8Array): boolean;
  dispose(): void;
}

export function createCoverageKernel(instance: CoverageInstance, kernelName: KernelName): CoverageKernel {
  return kernelName === 'wasm' ? new WasmCoverageKernel(instance) : new TwinCoverageKernel(instance);
}

class TwinCoverageKernel implements CoverageKernel {
  constructor(readonly instance: CoverageInstance) {}

  greedy(status: Uint8Array): Int32Array {
    return greedyCoverage(this.instance, status);
  }

  swap(start: Int32Array): Int32Array {
    return swapCoverage(this.instance, start);
  }

  tabu(start: Int32Array, steps: number, tenure: number, target: number): Int32Array {
    return tabuCoverage(this.instance, start, steps, tenure, target);
  }

  subgradient(status: Uint8Array, multipliers: Float64Array, progress: Float64Array, lowerBound: number, iterations: number, chosenOut: Uint8Array): boolean {
    return coverageSubgradient(this.instance, status, multipliers, progress, lowerBound, iterations, chosenOut);
  }

  dispose(): void {}
}

class WasmCoverageKernel implements CoverageKernel {
  private blocks: number[];

  constructor(readonly instance: CoverageInstance) {
    const { coverStart, coverDemands, weights, fixed, allowed } = instance;
    this.blocks = allocateBlocks(
      'problem.latencyMs',
      [coverStart.byteLength, coverDemands.byteLength, weights.byteLength, fixed.byteLength, allowed.byteLength],
      'solve with kernel: "js", or with fewer demands or candidates.',
    );
    [coverStart, coverDemands, weights, fixed, allowed].forEach((values, b) => copyIn(this.blocks[b], values));
  }

  /** Runs a kernel that rewrites k sites in place (ascending) and returns how many it wrote. */
  private sitesCall(start: Int32Array, run: (sitesPointer: number) => number): Int32Array {
    const { k } = this.instance;
    return withScratch([Math.max(k, start.length) * 4], ([sitesPointer]) => {
      copyIn(sitesPointer, start);
      const count = scratchChecked(run(sitesPointer));
      const sites = new Int32Array(count);
      copyOutInt32(sitesPointer, count, sites);
      return sites;
    });
  }

  greedy(status: Uint8Array): Int32Array {
    const { demandCount: n, candidateCount: m, k } = this.instance;
    return withScratch([m], ([statusPointer]) => {
      copyIn(statusPointer, status);
      return this.sitesCall(new Int32Array(0), (sitesPointer) => kernel().coverageGreedy(this.blocks[0], this.blocks[1], n, m, this.blocks[2], statusPointer, k, sitesPointer));
    });
  }

  swap(start: Int32Array): Int32Array {
    const { demandCount: n, candidateCount: m } = this.instance;
    return this.sitesCall(start, (sitesPointer) => kernel().coverageSwap(this.blocks[0], this.blocks[1], n, m, this.blocks[2], this.blocks[3], this.blocks[4], sitesPointer, start.length));
  }

  tabu(start: Int32Array, steps: number, tenure: number, target: number): Int32Array {
    const { demandCount: n, candidateCount: m } = this.instance;
    return this.sitesCall(start, (sitesPointer) => kernel().coverageTabu(
      this.blocks[0], this.blocks[1], n, m, this.blocks[2], this.blocks[3], this.blocks[4], sitesPointer, start.length, steps, tenure, target,
    ));
  }

  subgradient(status: Uint8Array, multipliers: Float64Array, progress: Float64Array, lowerBound: number, iterations: number, chosenOut: Uint8Array): boolean {
    const { demandCount: n, candidateCount: m, k } = this.instance;
    return withScratch([m, multipliers.byteLength, progress.byteLength, m], ([statusPointer, multipliersPointer, progressPointer, chosenPointer]) => {
      copyIn(statusPointer, status);
      copyIn(multipliersPointer, multipliers);
      copyIn(progressPointer, progress);
      copyIn(chosenPointer, chosenOut);
      const improved = scratchChecked(kernel().coverageSubgradient(
        this.blocks[0], this.blocks[1], n, m, this.blocks[2], statusPointer, k, multipliersPointer, progressPointer, lowerBound, iterations, chosenPointer,
      ));
      copyOutFloat64(multipliersPointer, n, multipliers);
      copyOutFloat64(progressPointer, progress.length, progress);
      chosenOut.set(new Uint8Array(kernel().memory.buffer, chosenPointer, m));
      return improved === 1;
    });
  }

  dispose(): void {
    releaseBlocks(this.blocks);
    this.blocks = [0, 0, 0, 0, 0];
  }
}

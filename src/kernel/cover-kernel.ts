// The cover kernels behind one interface: greedy covers and chunks of subgradient steps on the
// cover bound, in WebAssembly (the cover lists copied in once per instance) or the TypeScript twin.

import { scratchChecked, withScratch } from './kernel-scratch.js';
import { allocateBlocks, copyIn, copyOutFloat64, copyOutInt32, releaseBlocks } from './memory.js';
import type { KernelName } from './packed-graph.js';
import { type CoverInstance, type CoverProgress, coverSubgradient, greedyCover } from './twin/placement/set-cover.js';
import { kernel } from './wasm.js';

export interface CoverKernel {
  readonly instance: CoverInstance;
  /** Greedy completion of the OPEN sites (and pre-opened ones) into a pruned cover; null if impossible. */
  greedy(status: Uint8Array, preopened?: Uint8Array): Int32Array | null;
  subgradient(
    status: Uint8Array, multipliers: Float64Array, progress: CoverProgress, upperBound: number, iterations: number, chosenOut: Uint8Array, latestOut: Uint8Array,
  ): boolean;
  dispose(): void;
}

/** The distance matrix a cover was cut from at `radius`: lets the kernel price dense covers with SIMD. */
export interface DenseCoverSource {
  readonly candidateMajor: Float64Array;
  readonly radius: number;
}

/** Above this share of covered (demand, site) pairs, scanning the matrix beats walking the lists. */
const DENSE_SHARE = 0.125;

export function createCoverKernel(instance: CoverInstance, kernelName: KernelName, dense?: DenseCoverSource): CoverKernel {
  if (kernelName === 'js') return new TwinCoverKernel(instance);
  const share = instance.coverDemands.length / Math.max(1, instance.demandCount * instance.candidateCount);
  return new WasmCoverKernel(instance, dense && share > DENSE_SHARE ? dense : undefined);
}

class TwinCoverKernel implements CoverKernel {
  constructor(readonly instance: CoverInstance) {}

  greedy(status: Uint8Array, preopened?: Uint8Array): Int32Array | null {
    return greedyCover(this.instance, status, preopened);
  }

  subgradient(
    status: Uint8Array, multipliers: Float64Array, progress: CoverProgress, upperBound: number, iterations: number, chosenOut: Uint8Array, latestOut: Uint8Array,
  ): boolean {
    return coverSubgradient(this.instance, status, multipliers, progress, upperBound, iterations, chosenOut, latestOut);
  }

  dispose(): void {}
}

class WasmCoverKernel implements CoverKernel {
  private blocks: number[];
  private readonly radius: number;

  constructor(readonly instance: CoverInstance, dense?: DenseCoverSource) {
    const { coverStart, coverDemands, requirement, costs } = instance;
    const required = dense ? Float64Array.from(requirement, (need) => (need > 0 ? 1 : 0)) : new Float64Array(0);
    this.radius = dense?.radius ?? 0;
    this.blocks = allocateBlocks(
      'problem.latencyMs',
      [coverStart.byteLength, coverDemands.byteLength, requirement.byteLength, costs.byteLength, dense?.candidateMajor.byteLength ?? 0, required.byteLength],
      'solve with kernel: "js", or with fewer demands or candidates.',
    );
    copyIn(this.blocks[0], coverStart);
    copyIn(this.blocks[1], coverDemands);
    copyIn(this.blocks[2], requirement);
    copyIn(this.blocks[3], costs);
    if (dense) {
      copyIn(this.blocks[4], dense.candidateMajor);
      copyIn(this.blocks[5], required);
    }
  }



  greedy(status: Uint8Array, preopened?: Uint8Array): Int32Array | null {
    const { demandCount: n, candidateCount: m } = this.instance;
    return withScratch([m, preopened ? m : 0, m * 4], ([statusPointer, preopenedPointer, outPointer]) => {
      copyIn(statusPointer, status);
      if (preopened) copyIn(preopenedPointer, preopened);
      const count = kernel().coverGreedy(this.blocks[0], this.blocks[1], n, m, this.blocks[2], this.blocks[3], statusPointer, preopenedPointer, outPointer);
      // -2: the free sites cannot complete a cover; -1: the kernel ran out of memory.
      if (count === -2) return null;
      scratchChecked(count);
      const sites = new Int32Array(count);
      copyOutInt32(outPointer, count, sites);
      return sites;
    });
  }

  subgradient(
    status: Uint8Array, multipliers: Float64Array, progress: CoverProgress, upperBound: number, iterations: number, chosenOut: Uint8Array, latestOut: Uint8Array,
  ): boolean {
    const { demandCount: n, candidateCount: m } = this.instance;
    return withScratch([m, multipliers.byteLength, progress.byteLength, m, m], ([statusPointer, multipliersPointer, progressPointer, chosenPointer, latestPointer]) => {
      copyIn(statusPointer, status);
      copyIn(multipliersPointer, multipliers);
      copyIn(progressPointer, progress);
      copyIn(chosenPointer, chosenOut);
      const [coverStart, coverDemands, requirement, costs, distance, required] = this.blocks;
      const improved = distance !== 0
        ? kernel().coverSubgradientDense(
          distance, this.radius, required, n, m, requirement, costs, statusPointer, multipliersPointer, progressPointer, upperBound, iterations, chosenPointer, latestPointer,
        )
        : kernel().coverSubgradient(
          coverStart, coverDemands, n, m, requirement, costs, statusPointer, multipliersPointer, progressPointer, upperBound, iterations, chosenPointer, latestPointer,
        );
      scratchChecked(improved);
      copyOutFloat64(multipliersPointer, n, multipliers);
      copyOutFloat64(progressPointer, progress.length, progress);
      chosenOut.set(new Uint8Array(kernel().memory.buffer, chosenPointer, m));
      latestOut.set(new Uint8Array(kernel().memory.buffer, latestPointer, m));
      return improved === 1;
    });
  }

  dispose(): void {
    releaseBlocks(this.blocks);
    this.blocks = [0, 0, 0, 0, 0, 0];
  }
}

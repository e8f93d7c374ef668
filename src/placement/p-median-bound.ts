// The p-median Lagrangian bound as the solver uses it: multipliers started from each demand's
// second-nearest allowed site, subgradient chunks run by the kernel with the caller free to act
// between them, and the bound inside branch and bound, warm-started from the parent's multipliers.

import type { PMedianKernel } from '../kernel/p-median-kernel.js';
import type { BranchAndBoundProblem } from './branch-and-bound.js';
import { CLOSED, FREE, OPEN } from '../kernel/twin/placement/site-status.js';
import type { PlacementInstance } from '../kernel/twin/placement/instance.js';
import { newProgress, PROGRESS_BEST, PROGRESS_STOPPED } from '../kernel/twin/placement/progress.js';

export interface LagrangianState {
  /** Multipliers, one per demand; warm-starts the next call. */
  readonly lambda: Float64Array;
  /** Best bound seen. */
  bound: number;
}

export function initialMultipliers(instance: PlacementInstance): Float64Array {
  const { demandCount: n, candidateCount: m, distance, weights, allowed } = instance;
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let first = Infinity;
    let second = Infinity;
    for (let j = 0; j < m; j++) {
      if (!allowed[j]) continue;
      const d = distance[j * n + i];
      if (d < first) {
        second = first;
        first = d;
      } else if (d < second) {
        second = d;
      }
    }
    lambda[i] = weights[i] * (second === Infinity ? first : second);
  }
  return lambda;
}

/** Subgradient steps run in chunks of at most this many, so a caller can act between them. */
export const SUBGRADIENT_CHUNK = 15;
/** Matrix cells a chunk may touch (one step touches every cell): about 30 ms of kernel time. */
const CHUNK_CELLS = 3e7;

/**
 * Runs up to `iterations` subgradient steps from `state.lambda` in chunks, calling `afterImprovement`
 * with the best relaxation's sites and the steps run so far after each chunk that improved the bound, and stopping at
 * `deadline` (chunks are sized so that a large instance checks the clock often). Returns the best
 * bound (also kept in state.bound).
 */
export function pMedianLagrangian(
  kernel: PMedianKernel, instance: PlacementInstance, status: Uint8Array, state: LagrangianState, upperBound: () => number, iterations: number,
  deadline: number, chosenOut?: Uint8Array, afterImprovement?: (chosen: Uint8Array, stepsDone: number) => void,
): number {
  const chosen = chosenOut ?? new Uint8Array(instance.candidateCount);
  const progress = newProgress();
  const chunk = Math.max(1, Math.min(SUBGRADIENT_CHUNK, Math.floor(CHUNK_CELLS / (instance.demandCount * instance.candidateCount))));
  for (let done = 0; done < iterations && progress[PROGRESS_STOPPED] === 0 && performance.now() < deadline; done += chunk) {
    const improved = kernel.subgradient(status, state.lambda, progress, upperBound(), Math.min(chunk, iterations - done), chosen);
    if (improved && afterImprovement && progress[PROGRESS_STOPPED] === 0) afterImprovement(chosen, done + Math.min(chunk, iterations - done));
  }
  state.bound = Math.max(state.bound, progress[PROGRESS_BEST]);
  return progress[PROGRESS_BEST];
}

/** p-median as a branch-and-bound problem: Lagrangian bounds warm-started from the parent's multipliers. */
export function pMedianBranchProblem(
  kernel: PMedianKernel, instance: PlacementInstance, integral: boolean, costOf: (sites: Int32Array) => number, incumbentCost: () => number,
  rootBound: { value: number; chosen: Uint8Array; lambda: Float64Array } | null, deadline: number,
): BranchAndBoundProblem<Float64Array> {
  const { candidateCount: m, fixed, allowed, k } = instance;
  const status = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? OPEN : allowed[j] ? FREE : CLOSED));
  return {
    candidateCount: m,
    status,
    integral,
    rootState: rootBound?.lambda ?? initialMultipliers(instance),
    bound(nodeStatus, parentLambda, depth) {
      let forcedOpen = 0;
      let free = 0;
      for (let j = 0; j < m; j++) {
        if (nodeStatus[j] === OPEN) forcedOpen++;
        else if (nodeStatus[j] === FREE) free++;
      }
      const state: LagrangianState = { lambda: Float64Array.from(parentLambda), bound: -Infinity };
      if (forcedOpen > k || forcedOpen + free < k) return { value: Infinity, branch: -1, state: state.lambda };
      if (forcedOpen === k) {
        const sites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => nodeStatus[j] === OPEN);
        const cost = costOf(sites);
        return { value: cost, branch: -1, solution: { sites, cost }, state: state.lambda };
      }
      const chosen = new Uint8Array(m);
      const value = depth === 0 && rootBound !== null ? rootBound.value : pMedianLagrangian(kernel, instance, nodeStatus, state, incumbentCost, 80, deadline, chosen);
      if (depth === 0 && rootBound !== null) chosen.set(rootBound.chosen);
      const relaxed: number[] = [];
      for (let j = 0; j < m; j++) if (chosen[j]) relaxed.push(j);
      const sites = Int32Array.from(relaxed);
      let branch = relaxed.find((j) => nodeStatus[j] === FREE) ?? -1;
      if (branch === -1) for (let j = 0; j < m && branch === -1; j++) if (nodeStatus[j] === FREE) branch = j;
      return { value, branch, solution: sites.length === k ? { sites, cost: costOf(sites) } : undefined, state: state.lambda };
    },
  };
}

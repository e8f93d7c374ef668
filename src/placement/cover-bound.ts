// The cover bound as solvers use it: multipliers started at each demand's cheapest cost share,
// subgradient chunks run by the kernel with a Lagrangian heuristic free to act between them, and
// set cover as a branch-and-bound problem over those bounds.

import type { CoverKernel } from '../kernel/cover-kernel.js';
import type { BranchAndBoundProblem } from './branch-and-bound.js';
import { CLOSED, FREE, OPEN } from '../kernel/twin/placement/site-status.js';
import { type CoverInstance, coverCost, missingCover } from '../kernel/twin/placement/set-cover.js';
import { newProgress, PROGRESS_BEST, PROGRESS_STOPPED } from '../kernel/twin/placement/progress.js';

/** Subgradient steps per kernel call: the Lagrangian heuristic looks in between. */
const COVER_CHUNK = 10;

export function initialCoverMultipliers(instance: CoverInstance): Float64Array {
  // Each demand starts at the cheapest cost per demand among the sites covering it.
  const multipliers = new Float64Array(instance.demandCount).fill(Infinity);
  for (let j = 0; j < instance.candidateCount; j++) {
    const count = instance.coverStart[j + 1] - instance.coverStart[j];
    if (!instance.allowed[j] || count === 0) continue;
    const share = instance.costs[j] / count;
    for (let t = instance.coverStart[j]; t < instance.coverStart[j + 1]; t++) {
      const i = instance.coverDemands[t];
      if (share < multipliers[i]) multipliers[i] = share;
    }
  }
  return multipliers.map((u) => (u === Infinity ? 0 : u));
}


/**
 * Up to `iterations` subgradient steps from `multipliers` (updated in place); after each chunk,
 * `onRelaxation` sees the latest and the best relaxation's sites and may stop the ascent by
 * returning true.
 * Returns the best bound.
 */
export function coverLagrangian(
  kernel: CoverKernel, status: Uint8Array, multipliers: Float64Array, upperBound: number, iterations: number, chosenOut: Uint8Array,
  onRelaxation?: (chosen: Uint8Array) => boolean, deadline = Infinity,
): number {
  const progress = newProgress();
  const latest = new Uint8Array(chosenOut.length);
  for (let done = 0; done < iterations && progress[PROGRESS_STOPPED] === 0 && performance.now() < deadline; done += COVER_CHUNK) {
    kernel.subgradient(status, multipliers, progress, upperBound, Math.min(COVER_CHUNK, iterations - done), chosenOut, latest);
    // Both the latest and the best relaxation are worth completing: they differ more often than not.
    if (onRelaxation && progress[PROGRESS_STOPPED] === 0 && (onRelaxation(latest) || onRelaxation(chosenOut))) break;
  }
  return progress[PROGRESS_BEST];
}

/** Set cover as a branch-and-bound problem; `incumbentCost` reports the best cost so far. */
export function coverBranchProblem(kernel: CoverKernel, integral: boolean, incumbentCost: () => number, deadline: number): BranchAndBoundProblem<Float64Array> {
  const { instance } = kernel;
  const { candidateCount: m, coverStart, coverDemands, fixed, allowed } = instance;
  const status = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? OPEN : allowed[j] ? FREE : CLOSED));
  return {
    candidateCount: m,
    status,
    integral,
    rootState: initialCoverMultipliers(instance),
    bound(nodeStatus, parent, depth) {
      const multipliers = Float64Array.from(parent);
      // Prune when the open and free sites together cannot meet some demand's requirement.
      const reachable = Uint8Array.from(nodeStatus, (s) => (s === CLOSED ? 0 : 1));
      const shortfall = missingCover(instance, reachable);
      if (shortfall.some((need) => need > 0)) return { value: Infinity, branch: -1, state: multipliers };
      const open = Uint8Array.from(nodeStatus, (s) => (s === OPEN ? 1 : 0));
      const missing = missingCover(instance, open);
      const greedy = kernel.greedy(nodeStatus);
      const solution = greedy ? { sites: greedy, cost: coverCost(instance, greedy) } : undefined;
      if (!missing.some((need) => need > 0)) {
        const sites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => open[j]);
        const cost = coverCost(instance, sites);
        return { value: cost, branch: -1, solution: { sites, cost }, state: multipliers };
      }
      const chosen = new Uint8Array(m);
      const upper = Math.min(incumbentCost(), solution?.cost ?? Infinity);
      const value = coverLagrangian(kernel, nodeStatus, multipliers, upper, depth === 0 ? 300 : 60, chosen, undefined, deadline);
      // Branch on the cheapest free site covering the demand with the fewest free sites left.
      let hardest = -1;
      let fewest = Infinity;
      const freeCovers = new Int32Array(instance.demandCount);
      for (let j = 0; j < m; j++) {
        if (nodeStatus[j] !== FREE) continue;
        for (let t = coverStart[j]; t < coverStart[j + 1]; t++) freeCovers[coverDemands[t]]++;
      }
      for (let i = 0; i < instance.demandCount; i++) {
        if (missing[i] > 0 && freeCovers[i] < fewest) {
          fewest = freeCovers[i];
          hardest = i;
        }
      }
      let branch = -1;
      for (let j = 0; j < m; j++) {
        if (nodeStatus[j] !== FREE) continue;
        let coversHardest = false;
        for (let t = coverStart[j]; t < coverStart[j + 1] && !coversHardest; t++) if (coverDemands[t] === hardest) coversHardest = true;
        // Prefer a site the relaxation opens, then the cheapest, then the lowest index.
        if (coversHardest && (branch === -1 || chosen[j] > chosen[branch] || (chosen[j] === chosen[branch] && instance.costs[j] < instance.costs[branch]))) branch = j;
      }
      return { value, branch, solution, state: multipliers };
    },
  };
}

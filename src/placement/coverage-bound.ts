// The max-coverage upper bound as solvers use it (subgradient chunks run by the kernel) and
// max-coverage as a minimising branch-and-bound problem over the negated covered weight.

import type { CoverageKernel } from '../kernel/coverage-kernel.js';
import type { BranchAndBoundProblem } from './branch-and-bound.js';
import { CLOSED, FREE, OPEN } from '../kernel/twin/placement/site-status.js';
import { coverableWeight, coveredWeight } from '../kernel/twin/placement/max-coverage.js';
import { newProgress, PROGRESS_BEST, PROGRESS_STOPPED } from '../kernel/twin/placement/progress.js';

const COVERAGE_CHUNK = 20;

/**
 * Up to `iterations` steps descending the upper bound from `multipliers`, stopping at `deadline`;
 * returns the least bound.
 */
export function coverageLagrangian(
  kernel: CoverageKernel, status: Uint8Array, multipliers: Float64Array, lowerBound: number, iterations: number, chosenOut: Uint8Array, deadline: number,
): number {
  const progress = newProgress(true);
  for (let done = 0; done < iterations && progress[PROGRESS_STOPPED] === 0 && performance.now() < deadline; done += COVERAGE_CHUNK) {
    kernel.subgradient(status, multipliers, progress, lowerBound, Math.min(COVERAGE_CHUNK, iterations - done), chosenOut);
  }
  return progress[PROGRESS_BEST];
}

/** Max-coverage as a minimising branch-and-bound problem over the negated covered weight. */
export function coverageBranchProblem(kernel: CoverageKernel, integral: boolean, incumbentWeight: () => number, deadline: number): BranchAndBoundProblem<Float64Array> {
  const { instance } = kernel;
  const { candidateCount: m, fixed, allowed, k } = instance;
  const status = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? OPEN : allowed[j] ? FREE : CLOSED));
  return {
    candidateCount: m,
    status,
    integral,
    rootState: Float64Array.from(instance.weights, (w) => w / 2),
    bound(nodeStatus, parent, depth) {
      const multipliers = Float64Array.from(parent);
      let forcedOpen = 0;
      let free = 0;
      for (let j = 0; j < m; j++) {
        if (nodeStatus[j] === OPEN) forcedOpen++;
        else if (nodeStatus[j] === FREE) free++;
      }
      if (forcedOpen > k) return { value: Infinity, branch: -1, state: multipliers };
      const greedy = kernel.swap(kernel.greedy(nodeStatus));
      const solution = { sites: greedy, cost: -coveredWeight(instance, greedy) };
      if (forcedOpen === k || free === 0) return { value: solution.cost, branch: -1, solution, state: multipliers };
      // No plan covers more than the demands some open or free site can reach: when the incumbent
      // already covers them all, no bound needs computing.
      const reachable = coverableWeight(instance, nodeStatus);
      if (-solution.cost >= reachable) return { value: solution.cost, branch: -1, solution, state: multipliers };
      const chosen = new Uint8Array(m);
      const upper = Math.min(reachable, coverageLagrangian(kernel, nodeStatus, multipliers, Math.max(incumbentWeight(), -solution.cost), depth === 0 ? 300 : 60, chosen, deadline));
      let branch = -1;
      for (let j = 0; j < m && branch === -1; j++) if (chosen[j] && nodeStatus[j] === FREE) branch = j;
      if (branch === -1) for (let j = 0; j < m && branch === -1; j++) if (nodeStatus[j] === FREE) branch = j;
      return { value: -upper, branch, solution, state: multipliers };
    },
  };
}

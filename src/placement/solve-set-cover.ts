// set-cover (LSCP, and backup coverage with coverTimes): the cheapest sites such that every demand
// has coverTimes open sites within the SLO; greedy incumbent, Lagrangian bound, branch and bound.

import { type CoverKernel, createCoverKernel } from '../kernel/cover-kernel.js';
import { branchAndBound } from './branch-and-bound.js';
import { coverCost, coverInstance } from '../kernel/twin/placement/set-cover.js';
import { coverBranchProblem } from './cover-bound.js';
import type { NormalizedProblem } from './problem.js';
import type { SearchOutcome } from './solve-p-median.js';

/** Solves for the demands not in `ignored` (those no allowed sites can cover coverTimes over). */
export function solveSetCover(problem: NormalizedProblem, ignored: readonly number[], deadline: number): SearchOutcome {
  const { demandCount: n, candidateCount: m, candidateMajor, sloMs, coverTimes, weights, costs, fixed, forbidden } = problem;
  // Demands with zero weight need no cover; nor do those no plan can cover (reported apart).
  const requirement = Int32Array.from({ length: n }, (_, i) => (weights[i] > 0 ? coverTimes : 0));
  for (const i of ignored) requirement[i] = 0;
  const allowed = Uint8Array.from(forbidden, (f) => 1 - f);
  const cover = createCoverKernel(coverInstance(candidateMajor, n, m, sloMs, requirement, costs, fixed, allowed), problem.kernel);
  try {
    const { instance } = cover;
    const start = cover.greedy(Uint8Array.from({ length: m }, (_, j) => (instance.fixed[j] ? 1 : instance.allowed[j] ? 0 : 2)));
    const incumbent = start ? { sites: start, cost: coverCost(instance, start) } : { sites: new Int32Array(0), cost: Infinity };
    return searchCover(cover, incumbent, problem.integral, deadline);
  } finally {
    cover.dispose();
  }
}

/**
 * Branch and bound on the Lagrangian cover bound from `incumbent`, which may stand for a cost to
 * beat rather than a cover (no sites); with `stopAtCost`, stops at the first cover that cheap.
 */
export function searchCover(
  cover: CoverKernel, incumbent: { sites: Int32Array; cost: number }, integral: boolean, deadline: number, stopAtCost?: number,
): SearchOutcome {
  let incumbentCost = incumbent.cost;
  const search = coverBranchProblem(cover, integral, () => incumbentCost, deadline);
  const bound = search.bound.bind(search);
  const outcome = branchAndBound({
    ...search,
    stopAtCost,
    bound(status, parent, depth) {
      const node = bound(status, parent, depth);
      if (node.solution && node.solution.cost < incumbentCost) incumbentCost = node.solution.cost;
      return node;
    },
  }, incumbent, deadline);
  return { sites: outcome.sites, cost: outcome.cost, bound: outcome.bound, proven: outcome.proven, nodes: outcome.nodes };
}

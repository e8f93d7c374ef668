// max-coverage (MCLP): k sites covering the most demand weight within the SLO; greedy and swaps for
// the incumbent, the Lagrangian upper bound and branch and bound for the proof.

import { branchAndBound } from '../kernel/twin/placement/branch-and-bound.js';
import { coverageBranchProblem, type CoverageInstance, coveredWeight, greedyCoverage, swapCoverage } from '../kernel/twin/placement/max-coverage.js';
import { coverInstance } from '../kernel/twin/placement/set-cover.js';
import type { NormalizedProblem } from './problem.js';
import type { SearchOutcome } from './solve-p-median.js';

export function solveMaxCoverage(problem: NormalizedProblem, deadline: number): SearchOutcome {
  const { demandCount: n, candidateCount: m, candidateMajor, sloMs, weights, costs, fixed, forbidden, k } = problem;
  const allowed = Uint8Array.from(forbidden, (f) => 1 - f);
  const requirement = Int32Array.from(weights, (w) => (w > 0 ? 1 : 0));
  const instance: CoverageInstance = { ...coverInstance(candidateMajor, n, m, sloMs, requirement, costs, fixed, allowed), weights, k };
  const startStatus = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? 1 : allowed[j] ? 0 : 2));
  const start = swapCoverage(instance, greedyCoverage(instance, startStatus));
  let incumbentWeight = coveredWeight(instance, start);
  const search = coverageBranchProblem(instance, problem.integral, () => incumbentWeight);
  const bound = search.bound.bind(search);
  const outcome = branchAndBound({
    ...search,
    bound(status, parent, depth) {
      const node = bound(status, parent, depth);
      if (node.solution && -node.solution.cost > incumbentWeight) incumbentWeight = -node.solution.cost;
      return node;
    },
  }, { sites: start, cost: -incumbentWeight }, deadline);
  // Minimised the negated weight: flip back, the bound becomes an upper bound on coverage.
  return { sites: outcome.sites, cost: -outcome.cost, bound: -outcome.bound, proven: outcome.proven };
}

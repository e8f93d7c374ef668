// max-coverage (MCLP): k sites covering the most demand weight within the SLO; greedy and swaps for
// the incumbent, the Lagrangian upper bound and branch and bound for the proof.

import { type CoverageKernel, createCoverageKernel } from '../kernel/coverage-kernel.js';
import { branchAndBound } from './branch-and-bound.js';
import { type CoverageInstance, coveredWeight } from '../kernel/twin/placement/max-coverage.js';
import { coverInstance } from '../kernel/twin/placement/set-cover.js';
import { coverageBranchProblem } from './coverage-bound.js';
import type { NormalizedProblem } from './problem.js';
import type { SearchOutcome } from './solve-p-median.js';

export function solveMaxCoverage(problem: NormalizedProblem, deadline: number): SearchOutcome {
  const { demandCount: n, candidateCount: m, candidateMajor, sloMs, weights, costs, fixed, forbidden, k } = problem;
  const allowed = Uint8Array.from(forbidden, (f) => 1 - f);
  const requirement = Int32Array.from(weights, (w) => (w > 0 ? 1 : 0));
  const instance: CoverageInstance = { ...coverInstance(candidateMajor, n, m, sloMs, requirement, costs, fixed, allowed), weights, k };
  const coverage = createCoverageKernel(instance, problem.kernel);
  try {
    return searchCoverage(coverage, problem.integral, deadline);
  } finally {
    coverage.dispose();
  }
}

function searchCoverage(coverage: CoverageKernel, integral: boolean, deadline: number): SearchOutcome {
  const { instance } = coverage;
  const startStatus = Uint8Array.from({ length: instance.candidateCount }, (_, j) => (instance.fixed[j] ? 1 : instance.allowed[j] ? 0 : 2));
  const start = coverage.swap(coverage.greedy(startStatus));
  let incumbentWeight = coveredWeight(instance, start);
  const search = coverageBranchProblem(coverage, integral, () => incumbentWeight, deadline);
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
  return { sites: outcome.sites, cost: -outcome.cost, bound: -outcome.bound, proven: outcome.proven, nodes: outcome.nodes };
}

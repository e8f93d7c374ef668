// p-median: greedy and random multi-starts improved by fast interchange give the incumbent; the
// Lagrangian bound, and branch and bound when it does not already meet the incumbent, prove it.

import type { PlacementInstance } from '../kernel/twin/placement/instance.js';
import { branchAndBound } from '../kernel/twin/placement/branch-and-bound.js';
import { pMedianBranchProblem } from '../kernel/twin/placement/p-median-bound.js';
import { greedyPMedian, interchangePMedian, pMedianCost, randomPMedianStart } from '../kernel/twin/placement/p-median-search.js';
import { seededRandom } from '../util/seeded-random.js';

export interface SearchOutcome {
  readonly sites: Int32Array;
  /** Objective in the instance's (penalised) terms. */
  readonly cost: number;
  readonly bound: number;
  readonly proven: boolean;
}

const RANDOM_STARTS = 8;

export function solvePMedian(instance: PlacementInstance, seed: number, integral: boolean, deadline: number): SearchOutcome {
  const random = seededRandom(seed);
  let best = interchangePMedian(instance, greedyPMedian(instance));
  for (let start = 0; start < RANDOM_STARTS && performance.now() < deadline; start++) {
    const candidate = interchangePMedian(instance, randomPMedianStart(instance, random));
    if (candidate.cost < best.cost) best = candidate;
  }
  let incumbentCost = best.cost;
  const costOf = (sites: Int32Array) => {
    const cost = pMedianCost(instance, sites);
    if (cost < incumbentCost) incumbentCost = cost;
    return cost;
  };
  const searched = branchAndBound(pMedianBranchProblem(instance, integral, costOf, () => incumbentCost), best, deadline);
  return { sites: searched.sites, cost: searched.cost, bound: searched.bound, proven: searched.proven };
}

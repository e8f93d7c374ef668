// p-median: greedy and random multi-starts improved by fast interchange give the incumbent; the
// Lagrangian bound, and branch and bound when it does not already meet the incumbent, prove it.

import type { PlacementInstance } from '../kernel/twin/placement/instance.js';
import { branchAndBound, CLOSED, FREE, OPEN } from '../kernel/twin/placement/branch-and-bound.js';
import { initialMultipliers, type LagrangianState, pMedianBranchProblem, pMedianLagrangian } from '../kernel/twin/placement/p-median-bound.js';
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
const ROOT_ITERATIONS = 600;

export function solvePMedian(instance: PlacementInstance, seed: number, integral: boolean, deadline: number): SearchOutcome {
  const { candidateCount: m, fixed, allowed } = instance;
  let best = interchangePMedian(instance, greedyPMedian(instance));
  const consider = (candidate: { sites: Int32Array; cost: number }) => {
    if (candidate.cost < best.cost) best = candidate;
  };
  // Lagrangian heuristic: when the bound improves, the relaxation's k sites seed a local search.
  // Near a tight bound they are usually the optimum, or one swap away.
  const status = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? OPEN : allowed[j] ? FREE : CLOSED));
  const state: LagrangianState = { lambda: initialMultipliers(instance), bound: -Infinity };
  const rootChosen = new Uint8Array(m);
  const rootValue = pMedianLagrangian(instance, status, state, () => best.cost, ROOT_ITERATIONS, rootChosen, (chosen) => {
    if (performance.now() > deadline) return;
    const sites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => chosen[j] === 1);
    consider(interchangePMedian(instance, sites));
  });
  const random = seededRandom(seed);
  const provable = integral ? Math.ceil(rootValue - 1e-9 * Math.max(1, Math.abs(rootValue))) : rootValue;
  for (let start = 0; start < RANDOM_STARTS && provable < best.cost && performance.now() < deadline; start++) {
    consider(interchangePMedian(instance, randomPMedianStart(instance, random)));
  }
  let incumbentCost = best.cost;
  const costOf = (sites: Int32Array) => {
    const cost = pMedianCost(instance, sites);
    if (cost < incumbentCost) incumbentCost = cost;
    return cost;
  };
  const searched = branchAndBound(
    pMedianBranchProblem(instance, integral, costOf, () => incumbentCost, { value: rootValue, chosen: rootChosen, lambda: state.lambda }),
    best, deadline,
  );
  return { sites: searched.sites, cost: searched.cost, bound: searched.bound, proven: searched.proven };
}

// p-median: greedy and random multi-starts improved by fast interchange give the incumbent; the
// Lagrangian bound, whose relaxed site sets also seed local searches, and branch and bound when
// the bound does not already meet the incumbent, prove it.

import type { PMedianKernel } from '../kernel/p-median-kernel.js';
import { branchAndBound } from './branch-and-bound.js';
import { CLOSED, FREE, OPEN } from '../kernel/twin/placement/site-status.js';
import type { PlacementInstance } from '../kernel/twin/placement/instance.js';
import { seededRandom } from '../util/seeded-random.js';
import { initialMultipliers, type LagrangianState, pMedianBranchProblem, pMedianLagrangian } from './p-median-bound.js';

export interface SearchOutcome {
  readonly sites: Int32Array;
  /** Objective in the instance's (penalised) terms. */
  readonly cost: number;
  readonly bound: number;
  readonly proven: boolean;
  /** Search nodes: branch-and-bound nodes, or for p-center the radius decisions. */
  readonly nodes: number;
}

const RANDOM_STARTS = 8;
const ROOT_ITERATIONS = 600;

/** Random k-subset: the fixed sites plus allowed ones drawn by `random`, ascending. */
export function randomPMedianStart(instance: PlacementInstance, random: () => number): Int32Array {
  const { candidateCount: m, fixed, allowed, k } = instance;
  const sites: number[] = [];
  const free: number[] = [];
  for (let j = 0; j < m; j++) {
    if (fixed[j]) sites.push(j);
    else if (allowed[j]) free.push(j);
  }
  for (let t = free.length - 1; t > 0; t--) {
    const s = Math.floor(random() * (t + 1));
    [free[t], free[s]] = [free[s], free[t]];
  }
  for (let t = 0; sites.length < k && t < free.length; t++) sites.push(free[t]);
  return Int32Array.from(sites).sort();
}

/** The sum over demands of weight times the latency to the nearest allowed site. */
function nearestSiteBound(instance: PlacementInstance): number {
  const { demandCount: n, candidateCount: m, distance, weights, allowed, fixed } = instance;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    let nearest = Infinity;
    for (let j = 0; j < m; j++) if ((allowed[j] || fixed[j]) && distance[j * n + i] < nearest) nearest = distance[j * n + i];
    total += weights[i] * nearest;
  }
  return total;
}

/** Matrix cells one interchange call may sweep (each swap sweeps them all): about 100 ms of kernel time. */
const SWAP_CELLS = 1e8;

/** Interchange to a local optimum in calls of a few swaps each, stopping at the deadline. */
function improve(kernel: PMedianKernel, start: Int32Array, deadline: number): { sites: Int32Array; cost: number; swaps: number } {
  const { demandCount: n, candidateCount: m } = kernel.instance;
  const perCall = Math.max(1, Math.floor(SWAP_CELLS / (n * m)));
  let step = kernel.interchange(start, perCall);
  let swaps = step.swaps;
  while (step.swaps === perCall && performance.now() < deadline) {
    step = kernel.interchange(step.sites, perCall);
    swaps += step.swaps;
  }
  return { sites: step.sites, cost: step.cost, swaps };
}

export function solvePMedian(kernel: PMedianKernel, seed: number, integral: boolean, deadline: number): SearchOutcome {
  const { instance } = kernel;
  const { candidateCount: m, fixed, allowed } = instance;
  let best: { sites: Int32Array; cost: number } = improve(kernel, kernel.greedy(), deadline);
  const consider = (candidate: { sites: Int32Array; cost: number }) => {
    if (candidate.cost < best.cost) best = candidate;
  };
  // Lagrangian heuristic: when the bound improves, the relaxation's k sites seed a local search.
  // Near a tight bound they are usually the optimum, or one swap away.
  const status = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? OPEN : allowed[j] ? FREE : CLOSED));
  const state: LagrangianState = { lambda: initialMultipliers(instance), bound: -Infinity };
  const rootChosen = new Uint8Array(m);
  // A swap and a subgradient step each sweep the matrix once. Local searches from the relaxation
  // may take no more swaps than the ascent has taken steps: on large instances a search costs
  // seconds, and run after every improving chunk they would leave the bound no time to rise.
  let heuristicSwaps = 0;
  const lagrangianValue = pMedianLagrangian(kernel, instance, status, state, () => best.cost, ROOT_ITERATIONS, deadline, rootChosen, (chosen, stepsDone) => {
    if (performance.now() > deadline || heuristicSwaps > stepsDone) return;
    const improved = improve(kernel, Int32Array.from({ length: m }, (_, j) => j).filter((j) => chosen[j] === 1), deadline);
    heuristicSwaps += improved.swaps;
    consider(improved);
  });
  // Every demand is at least as far as its nearest allowed site: a bound even when the
  // subgradient had no time to run.
  const rootValue = Math.max(lagrangianValue, nearestSiteBound(instance));
  const random = seededRandom(seed);
  const provable = integral ? Math.ceil(rootValue - 1e-9 * Math.max(1, Math.abs(rootValue))) : rootValue;
  for (let start = 0; start < RANDOM_STARTS && provable < best.cost && performance.now() < deadline; start++) {
    consider(improve(kernel, randomPMedianStart(instance, random), deadline));
  }
  let incumbentCost = best.cost;
  const costOf = (sites: Int32Array) => {
    const cost = kernel.cost(sites);
    if (cost < incumbentCost) incumbentCost = cost;
    return cost;
  };
  const searched = branchAndBound(
    pMedianBranchProblem(kernel, instance, integral, costOf, () => incumbentCost, { value: rootValue, chosen: rootChosen, lambda: state.lambda }, deadline),
    best, deadline,
  );
  // A search stopped before its root still has the root bound computed above.
  const bound = searched.proven ? searched.bound : Math.max(searched.bound, provable);
  return { sites: searched.sites, cost: searched.cost, bound, proven: searched.proven, nodes: searched.nodes };
}

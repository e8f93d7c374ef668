// A Lagrangian lower bound for p-median (Beasley 1993): relaxing "each demand is assigned once"
// with multipliers lambda leaves, per candidate j, the value rho_j = sum_i min(0, w_i d_ij - lambda_i);
// the bound is sum(lambda) + the k smallest rho (forced-open sites always counted). Subgradient
// steps move lambda toward demands assigned zero or several times. Also the bound's use in a
// depth-first branch and bound that opens or closes one candidate per level.

import { type BranchAndBoundProblem, CLOSED, FREE, OPEN } from './branch-and-bound.js';
import type { PlacementInstance } from './instance.js';

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

/** Subgradient progress carried between chunks: [best bound, step scale, steps since improvement, stopped]. */
export type SubgradientProgress = Float64Array;
export const PROGRESS_BEST = 0;
export const PROGRESS_STEP_SCALE = 1;
export const PROGRESS_SINCE_IMPROVEMENT = 2;
export const PROGRESS_STOPPED = 3;

export function newProgress(): SubgradientProgress {
  return Float64Array.of(-Infinity, 2, 0, 0);
}

/**
 * Up to `iterations` subgradient steps on `lambda` (updated in place), the twin of the kernel's
 * pMedianSubgradient: same arithmetic in the same order, so both give the same bound bit for bit
 * (rho sums even and odd demands apart, as the kernel's two SIMD lanes do). Writes the sites of
 * the best relaxation into chosenOut; sets progress[PROGRESS_STOPPED] once the bound reaches
 * `upperBound` or the step has shrunk away. Returns whether the best bound improved.
 */
export function pMedianSubgradient(
  instance: PlacementInstance, status: Uint8Array, lambda: Float64Array, progress: SubgradientProgress,
  upperBound: number, iterations: number, chosenOut: Uint8Array,
): boolean {
  const { demandCount: n, candidateCount: m, distance, weights, k } = instance;
  const rho = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const order: number[] = [];
  const chosenSites: number[] = [];
  const subgradient = new Float64Array(n);
  let improved = false;
  let forcedOpen = 0;
  for (let j = 0; j < m; j++) if (status[j] === OPEN) forcedOpen++;
  const toChoose = k - forcedOpen;
  const pairs = n - (n % 2);
  for (let iteration = 0; iteration < iterations && progress[PROGRESS_STOPPED] === 0; iteration++) {
    let lambdaSum = 0;
    for (let i = 0; i < n; i++) lambdaSum += lambda[i];
    order.length = 0;
    for (let j = 0; j < m; j++) {
      if (status[j] === CLOSED) continue;
      const base = j * n;
      let even = 0;
      let odd = 0;
      for (let i = 0; i < pairs; i += 2) {
        const reducedEven = weights[i] * distance[base + i] - lambda[i];
        const reducedOdd = weights[i + 1] * distance[base + i + 1] - lambda[i + 1];
        even += reducedEven < 0 ? reducedEven : 0;
        odd += reducedOdd < 0 ? reducedOdd : 0;
      }
      let value = even + odd;
      if (pairs < n) {
        const reduced = weights[pairs] * distance[base + pairs] - lambda[pairs];
        if (reduced < 0) value += reduced;
      }
      rho[j] = value;
      if (status[j] === FREE) order.push(j);
    }
    if (toChoose < 0 || order.length < toChoose) {
      progress[PROGRESS_BEST] = Infinity;
      progress[PROGRESS_STOPPED] = 1;
      return true;
    }
    order.sort((a, b) => rho[a] - rho[b] || a - b);
    chosen.fill(0);
    for (let j = 0; j < m; j++) if (status[j] === OPEN) chosen[j] = 1;
    for (let t = 0; t < toChoose; t++) chosen[order[t]] = 1;
    let bound = lambdaSum;
    for (let j = 0; j < m; j++) if (chosen[j]) bound += rho[j];
    if (bound > progress[PROGRESS_BEST]) {
      progress[PROGRESS_BEST] = bound;
      progress[PROGRESS_SINCE_IMPROVEMENT] = 0;
      chosenOut.set(chosen);
      improved = true;
    } else if (++progress[PROGRESS_SINCE_IMPROVEMENT] >= 20) {
      progress[PROGRESS_STEP_SCALE] /= 2;
      progress[PROGRESS_SINCE_IMPROVEMENT] = 0;
    }
    if (progress[PROGRESS_BEST] >= upperBound - 1e-9 * Math.max(1, Math.abs(upperBound)) || progress[PROGRESS_STEP_SCALE] < 1e-5) {
      progress[PROGRESS_STOPPED] = 1;
      break;
    }
    chosenSites.length = 0;
    for (let j = 0; j < m; j++) if (chosen[j]) chosenSites.push(j);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let assigned = 0;
      for (const j of chosenSites) if (weights[i] * distance[j * n + i] < lambda[i]) assigned++;
      subgradient[i] = 1 - assigned;
      norm += subgradient[i] * subgradient[i];
    }
    if (norm === 0) {
      // Every demand assigned exactly once: the relaxation is solved exactly.
      progress[PROGRESS_STOPPED] = 1;
      break;
    }
    const step = (progress[PROGRESS_STEP_SCALE] * (upperBound - bound)) / norm;
    for (let i = 0; i < n; i++) {
      const next = lambda[i] + step * subgradient[i];
      lambda[i] = next > 0 ? next : 0;
    }
  }
  return improved;
}

/** Subgradient steps run in chunks of this many, so a caller can act between them. */
export const SUBGRADIENT_CHUNK = 15;

/**
 * Runs up to `iterations` subgradient steps from `state.lambda` in chunks, calling `afterImprovement`
 * with the best relaxation's sites after each chunk that improved the bound. Returns the best bound
 * (also kept in state.bound).
 */
export function pMedianLagrangian(
  instance: PlacementInstance, status: Uint8Array, state: LagrangianState, upperBound: () => number, iterations: number, chosenOut?: Uint8Array,
  afterImprovement?: (chosen: Uint8Array) => void,
): number {
  const chosen = chosenOut ?? new Uint8Array(instance.candidateCount);
  const progress = newProgress();
  for (let done = 0; done < iterations && progress[PROGRESS_STOPPED] === 0; done += SUBGRADIENT_CHUNK) {
    const improved = pMedianSubgradient(instance, status, state.lambda, progress, upperBound(), Math.min(SUBGRADIENT_CHUNK, iterations - done), chosen);
    if (improved && afterImprovement && progress[PROGRESS_STOPPED] === 0) afterImprovement(chosen);
  }
  state.bound = Math.max(state.bound, progress[PROGRESS_BEST]);
  return progress[PROGRESS_BEST];
}

/** p-median as a branch-and-bound problem: Lagrangian bounds warm-started from the parent's multipliers. */
export function pMedianBranchProblem(
  instance: PlacementInstance, integral: boolean, costOf: (sites: Int32Array) => number, incumbentCost: () => number,
  rootBound: { value: number; chosen: Uint8Array; lambda: Float64Array } | null,
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
      const value = depth === 0 && rootBound !== null ? rootBound.value : pMedianLagrangian(instance, nodeStatus, state, incumbentCost, 80, chosen);
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

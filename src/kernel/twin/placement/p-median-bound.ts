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

/**
 * Runs up to `iterations` subgradient steps from `state.lambda` with the given site statuses and
 * returns the best bound found (also kept in state.bound). Stops early once the bound reaches
 * `stopAt` (the incumbent's cost: nothing better can be proven) or the step has shrunk away.
 */
export function pMedianLagrangian(
  instance: PlacementInstance, status: Uint8Array, state: LagrangianState, upperBound: () => number, iterations: number, chosenOut?: Uint8Array,
  onImprovement?: (chosen: Uint8Array, iteration: number) => void,
): number {
  const { demandCount: n, candidateCount: m, distance, weights, k } = instance;
  const { lambda } = state;
  const rho = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const order: number[] = [];
  const chosenSites: number[] = [];
  const subgradient = new Float64Array(n);
  let best = -Infinity;
  let stepScale = 2;
  let sinceImprovement = 0;
  let forcedOpen = 0;
  for (let j = 0; j < m; j++) if (status[j] === OPEN) forcedOpen++;
  const toChoose = k - forcedOpen;
  if (toChoose < 0) return Infinity;

  for (let iteration = 0; iteration < iterations; iteration++) {
    let lambdaSum = 0;
    for (let i = 0; i < n; i++) lambdaSum += lambda[i];
    order.length = 0;
    for (let j = 0; j < m; j++) {
      if (status[j] === CLOSED) continue;
      let value = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) {
        const reduced = weights[i] * distance[base + i] - lambda[i];
        if (reduced < 0) value += reduced;
      }
      rho[j] = value;
      if (status[j] === FREE) order.push(j);
    }
    order.sort((a, b) => rho[a] - rho[b] || a - b);
    if (order.length < toChoose) return Infinity;
    chosen.fill(0);
    let bound = lambdaSum;
    for (let j = 0; j < m; j++) {
      if (status[j] === OPEN) {
        chosen[j] = 1;
        bound += rho[j];
      }
    }
    for (let t = 0; t < toChoose; t++) {
      chosen[order[t]] = 1;
      bound += rho[order[t]];
    }
    if (bound > best) {
      best = bound;
      sinceImprovement = 0;
      if (chosenOut) chosenOut.set(chosen);
      onImprovement?.(chosen, iteration);
    } else if (++sinceImprovement >= 20) {
      stepScale /= 2;
      sinceImprovement = 0;
    }
    const incumbent = upperBound();
    if (best >= incumbent - 1e-9 * Math.max(1, Math.abs(incumbent)) || stepScale < 1e-5) break;

    chosenSites.length = 0;
    for (let j = 0; j < m; j++) if (chosen[j]) chosenSites.push(j);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let assigned = 0;
      for (const j of chosenSites) if (weights[i] * distance[j * n + i] < lambda[i]) assigned++;
      subgradient[i] = 1 - assigned;
      norm += subgradient[i] * subgradient[i];
    }
    if (norm === 0) break; // every demand assigned exactly once: the relaxation is solved exactly
    const step = (stepScale * (incumbent - bound)) / norm;
    for (let i = 0; i < n; i++) lambda[i] = Math.max(0, lambda[i] + step * subgradient[i]);
  }
  state.bound = Math.max(state.bound, best);
  return best;
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

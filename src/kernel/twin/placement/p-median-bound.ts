// A Lagrangian lower bound for p-median (Beasley 1993): relaxing "each demand is assigned once"
// with multipliers lambda leaves, per candidate j, the value rho_j = sum_i min(0, w_i d_ij - lambda_i);
// the bound is sum(lambda) + the k smallest rho (forced-open sites always counted). Subgradient
// steps move lambda toward demands assigned zero or several times. Also the bound's use in a
// depth-first branch and bound that opens or closes one candidate per level.

import type { PlacementInstance } from './instance.js';

export interface LagrangianState {
  /** Multipliers, one per demand; warm-starts the next call. */
  readonly lambda: Float64Array;
  /** Best bound seen. */
  bound: number;
}

/** Site status in branch and bound: free, forced open or forced closed. */
export const FREE = 0;
export const OPEN = 1;
export const CLOSED = 2;

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
  instance: PlacementInstance, status: Uint8Array, state: LagrangianState, upperBound: number, iterations: number, chosenOut?: Uint8Array,
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
    } else if (++sinceImprovement >= 20) {
      stepScale /= 2;
      sinceImprovement = 0;
    }
    if (best >= upperBound - 1e-9 * Math.max(1, Math.abs(upperBound)) || stepScale < 1e-5) break;

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
    const step = (stepScale * (upperBound - bound)) / norm;
    for (let i = 0; i < n; i++) lambda[i] = Math.max(0, lambda[i] + step * subgradient[i]);
  }
  state.bound = Math.max(state.bound, best);
  return best;
}

export interface BranchAndBoundResult {
  readonly sites: Int32Array;
  readonly cost: number;
  /** True when the search finished: the cost is optimal. */
  readonly proven: boolean;
  /** A proven lower bound on the optimum (the root bound if the search was cut short). */
  readonly bound: number;
  readonly nodes: number;
}

/**
 * Depth-first branch and bound from an incumbent. Each node's Lagrangian bound warm-starts from its
 * parent's multipliers; integral data lets bounds round up. Stops at `deadline` (performance.now()).
 */
export function branchAndBoundPMedian(
  instance: PlacementInstance, incumbent: { sites: Int32Array; cost: number }, integral: boolean, deadline: number, costOf: (sites: Int32Array) => number,
): BranchAndBoundResult {
  const { candidateCount: m, fixed, allowed, k } = instance;
  let bestSites = incumbent.sites;
  let bestCost = incumbent.cost;
  let nodes = 0;
  let aborted = false;
  const tolerance = (value: number) => 1e-9 * Math.max(1, Math.abs(value));
  const provable = (bound: number) => (integral ? Math.ceil(bound - tolerance(bound)) : bound);
  const status = new Uint8Array(m);
  for (let j = 0; j < m; j++) status[j] = fixed[j] ? OPEN : allowed[j] ? FREE : CLOSED;
  const rootState: LagrangianState = { lambda: initialMultipliers(instance), bound: -Infinity };
  const chosen = new Uint8Array(m);
  const rootBound = pMedianLagrangian(instance, status, rootState, bestCost, 400, chosen);

  const visit = (lambda: Float64Array, depth: number): void => {
    if (aborted) return;
    if (performance.now() > deadline) {
      aborted = true;
      return;
    }
    nodes++;
    const state: LagrangianState = { lambda: Float64Array.from(lambda), bound: -Infinity };
    const nodeChosen = new Uint8Array(m);
    const bound = depth === 0 ? rootBound : pMedianLagrangian(instance, status, state, bestCost, 80, nodeChosen);
    if (depth === 0) nodeChosen.set(chosen);
    if (provable(bound) >= bestCost - tolerance(bestCost)) return;
    const relaxed: number[] = [];
    for (let j = 0; j < m; j++) if (nodeChosen[j]) relaxed.push(j);
    if (relaxed.length === k) {
      const candidate = Int32Array.from(relaxed);
      const cost = costOf(candidate);
      if (cost < bestCost - tolerance(bestCost)) {
        bestCost = cost;
        bestSites = candidate;
      }
    }
    let forcedOpen = 0;
    let free = 0;
    for (let j = 0; j < m; j++) {
      if (status[j] === OPEN) forcedOpen++;
      else if (status[j] === FREE) free++;
    }
    if (forcedOpen === k) {
      const sites: number[] = [];
      for (let j = 0; j < m; j++) if (status[j] === OPEN) sites.push(j);
      const candidate = Int32Array.from(sites);
      const cost = costOf(candidate);
      if (cost < bestCost - tolerance(bestCost)) {
        bestCost = cost;
        bestSites = candidate;
      }
      return;
    }
    if (free === 0 || forcedOpen + free < k) return;
    // Branch on the free site the relaxation opens first (lowest index among those it opens).
    let branch = -1;
    for (const j of relaxed) if (status[j] === FREE) {
      branch = j;
      break;
    }
    if (branch === -1) for (let j = 0; j < m && branch === -1; j++) if (status[j] === FREE) branch = j;
    const next = depth === 0 ? rootState.lambda : state.lambda;
    status[branch] = OPEN;
    visit(next, depth + 1);
    status[branch] = CLOSED;
    visit(next, depth + 1);
    status[branch] = FREE;
  };
  visit(rootState.lambda, 0);
  return { sites: Int32Array.from(bestSites).sort(), cost: bestCost, proven: !aborted, bound: aborted ? provable(rootBound) : bestCost, nodes };
}

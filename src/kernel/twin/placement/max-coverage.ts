// Maximal covering (MCLP): k open sites covering the most demand weight within the SLO. Greedy
// addition and best-improvement swaps give incumbents (a swap is priced from each demand's cover
// count and, where that count is one, its single coverer); relaxing "covered only if some open
// site covers it" with multipliers u >= 0 gives the upper bound
// sum_i max(0, w_i - u_i) + the k largest sum_{i in S_j} u_i (forced-open sites always counted).

import { type BranchAndBoundProblem, CLOSED, FREE, OPEN } from './branch-and-bound.js';
import type { CoverInstance } from './set-cover.js';

export interface CoverageInstance extends CoverInstance {
  readonly weights: Float64Array;
  readonly k: number;
}

export function coveredWeight(instance: CoverageInstance, sites: Int32Array): number {
  const covered = new Uint8Array(instance.demandCount);
  for (const j of sites) for (let t = instance.coverStart[j]; t < instance.coverStart[j + 1]; t++) covered[instance.coverDemands[t]] = 1;
  let total = 0;
  for (let i = 0; i < instance.demandCount; i++) if (covered[i]) total += instance.weights[i];
  return total;
}

/** Weight of the demands that some site not forced closed covers. */
export function coverableWeight(instance: CoverageInstance, status: Uint8Array): number {
  const reachable = new Uint8Array(instance.demandCount);
  for (let j = 0; j < instance.candidateCount; j++) {
    if (status[j] === CLOSED) continue;
    for (let t = instance.coverStart[j]; t < instance.coverStart[j + 1]; t++) reachable[instance.coverDemands[t]] = 1;
  }
  let total = 0;
  for (let i = 0; i < instance.demandCount; i++) if (reachable[i]) total += instance.weights[i];
  return total;
}

/** Completes the OPEN sites of `status` to k with the FREE site adding most weight each time. */
export function greedyCoverage(instance: CoverageInstance, status: Uint8Array): Int32Array {
  const { candidateCount: m, coverStart, coverDemands, weights, k } = instance;
  const sites: number[] = [];
  const covered = new Uint8Array(instance.demandCount);
  const take = (j: number) => {
    sites.push(j);
    for (let t = coverStart[j]; t < coverStart[j + 1]; t++) covered[coverDemands[t]] = 1;
  };
  for (let j = 0; j < m; j++) if (status[j] === OPEN) take(j);
  const taken = Uint8Array.from(status, (s) => (s === OPEN ? 1 : 0));
  while (sites.length < k) {
    let best = -1;
    let bestGain = -1;
    for (let j = 0; j < m; j++) {
      if (taken[j] || status[j] !== FREE) continue;
      let gain = 0;
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) if (!covered[coverDemands[t]]) gain += weights[coverDemands[t]];
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
      }
    }
    if (best === -1) break;
    taken[best] = 1;
    take(best);
  }
  return Int32Array.from(sites).sort();
}

/** Best-improvement swaps of a non-fixed open site for a closed allowed one while coverage grows. */
export function swapCoverage(instance: CoverageInstance, start: Int32Array): Int32Array {
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, weights, fixed, allowed } = instance;
  const sites = Array.from(start);
  const open = new Uint8Array(m);
  for (const j of sites) open[j] = 1;
  const count = new Int32Array(n);
  // Sum of the open coverers' indices: when count is 1 it names the single coverer.
  const covererSum = new Float64Array(n);
  const apply = (j: number, sign: 1 | -1) => {
    for (let t = coverStart[j]; t < coverStart[j + 1]; t++) {
      count[coverDemands[t]] += sign;
      covererSum[coverDemands[t]] += sign * j;
    }
  };
  for (const j of sites) apply(j, 1);
  const loss = new Float64Array(m);
  const regained = new Float64Array(m);
  for (;;) {
    loss.fill(0);
    for (let i = 0; i < n; i++) if (count[i] === 1) loss[covererSum[i]] += weights[i];
    let bestProfit = 1e-12;
    let bestInsert = -1;
    let bestRemove = -1;
    for (let f = 0; f < m; f++) {
      if (open[f] || !allowed[f]) continue;
      let gain = 0;
      for (let t = coverStart[f]; t < coverStart[f + 1]; t++) {
        const i = coverDemands[t];
        if (count[i] === 0) gain += weights[i];
        else if (count[i] === 1) regained[covererSum[i]] += weights[i];
      }
      for (const r of sites) {
        if (!fixed[r]) {
          const profit = gain - loss[r] + regained[r];
          if (profit > bestProfit) {
            bestProfit = profit;
            bestInsert = f;
            bestRemove = r;
          }
        }
        regained[r] = 0;
      }
    }
    if (bestInsert === -1) break;
    apply(bestRemove, -1);
    apply(bestInsert, 1);
    open[bestRemove] = 0;
    open[bestInsert] = 1;
    sites[sites.indexOf(bestRemove)] = bestInsert;
  }
  return Int32Array.from(sites).sort();
}

/**
 * Tabu search over swaps (Glover's short-term memory): each step takes the best swap whose
 * inserted site was not removed in the last `tenure` steps, even when it loses coverage, so the
 * search walks across plateaus and out of the local optima swapCoverage stops in. Returns the best
 * sites seen; stops early once `target` weight is covered.
 */
export function tabuCoverage(instance: CoverageInstance, start: Int32Array, steps: number, tenure: number, target: number): Int32Array {
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, weights, fixed, allowed } = instance;
  const sites = Array.from(start);
  const open = new Uint8Array(m);
  for (const j of sites) open[j] = 1;
  const count = new Int32Array(n);
  const covererSum = new Float64Array(n);
  const apply = (j: number, sign: 1 | -1) => {
    for (let t = coverStart[j]; t < coverStart[j + 1]; t++) {
      count[coverDemands[t]] += sign;
      covererSum[coverDemands[t]] += sign * j;
    }
  };
  for (const j of sites) apply(j, 1);
  let covered = 0;
  for (let i = 0; i < n; i++) if (count[i] > 0) covered += weights[i];
  let best = Int32Array.from(sites).sort();
  let bestCovered = covered;
  const tabuUntil = new Int32Array(m);
  const loss = new Float64Array(m);
  const regained = new Float64Array(m);
  for (let step = 1; step <= steps && bestCovered < target; step++) {
    loss.fill(0);
    for (let i = 0; i < n; i++) if (count[i] === 1) loss[covererSum[i]] += weights[i];
    let bestProfit = -Infinity;
    let bestInsert = -1;
    let bestRemove = -1;
    for (let f = 0; f < m; f++) {
      if (open[f] || !allowed[f] || tabuUntil[f] >= step) continue;
      let gain = 0;
      for (let t = coverStart[f]; t < coverStart[f + 1]; t++) {
        const i = coverDemands[t];
        if (count[i] === 0) gain += weights[i];
        else if (count[i] === 1) regained[covererSum[i]] += weights[i];
      }
      for (const r of sites) {
        if (!fixed[r]) {
          const profit = gain - loss[r] + regained[r];
          if (profit > bestProfit) {
            bestProfit = profit;
            bestInsert = f;
            bestRemove = r;
          }
        }
        regained[r] = 0;
      }
    }
    if (bestInsert === -1) break;
    apply(bestRemove, -1);
    apply(bestInsert, 1);
    open[bestRemove] = 0;
    open[bestInsert] = 1;
    tabuUntil[bestRemove] = step + tenure;
    sites[sites.indexOf(bestRemove)] = bestInsert;
    covered += bestProfit;
    if (covered > bestCovered) {
      bestCovered = covered;
      best = Int32Array.from(sites).sort();
    }
  }
  return best;
}

/** Subgradient descent on the coverage upper bound from `multipliers` (updated in place). */
export function coverageLagrangian(
  instance: CoverageInstance, status: Uint8Array, multipliers: Float64Array, lowerBound: number, iterations: number, chosenOut: Uint8Array,
): number {
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, weights, k } = instance;
  const value = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const coverCount = new Int32Array(n);
  const order: number[] = [];
  let best = Infinity;
  let stepScale = 2;
  let sinceImprovement = 0;
  let forcedOpen = 0;
  for (let j = 0; j < m; j++) if (status[j] === OPEN) forcedOpen++;
  for (let iteration = 0; iteration < iterations; iteration++) {
    let bound = 0;
    for (let i = 0; i < n; i++) if (weights[i] > multipliers[i]) bound += weights[i] - multipliers[i];
    order.length = 0;
    chosen.fill(0);
    for (let j = 0; j < m; j++) {
      if (status[j] === CLOSED) continue;
      let total = 0;
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) total += multipliers[coverDemands[t]];
      value[j] = total;
      if (status[j] === OPEN) {
        chosen[j] = 1;
        bound += total;
      } else {
        order.push(j);
      }
    }
    order.sort((a, b) => value[b] - value[a] || a - b);
    for (let t = 0; t < k - forcedOpen && t < order.length; t++) {
      chosen[order[t]] = 1;
      bound += value[order[t]];
    }
    if (bound < best) {
      best = bound;
      sinceImprovement = 0;
      chosenOut.set(chosen);
    } else if (++sinceImprovement >= 20) {
      stepScale /= 2;
      sinceImprovement = 0;
    }
    if (best <= lowerBound + 1e-9 * Math.max(1, lowerBound) || stepScale < 1e-5) break;
    coverCount.fill(0);
    for (let j = 0; j < m; j++) {
      if (!chosen[j]) continue;
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) coverCount[coverDemands[t]]++;
    }
    let norm = 0;
    const gradient = (i: number) => (weights[i] > multipliers[i] ? 1 : 0) - coverCount[i];
    for (let i = 0; i < n; i++) norm += gradient(i) ** 2;
    if (norm === 0) break;
    const step = (stepScale * Math.max(bound - lowerBound, 1e-9)) / norm;
    for (let i = 0; i < n; i++) multipliers[i] = Math.max(0, multipliers[i] + step * gradient(i));
  }
  return best;
}

/** Max-coverage as a minimising branch-and-bound problem over the negated covered weight. */
export function coverageBranchProblem(instance: CoverageInstance, integral: boolean, incumbentWeight: () => number): BranchAndBoundProblem<Float64Array> {
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
      const greedy = swapCoverage(instance, greedyCoverage(instance, nodeStatus));
      const solution = { sites: greedy, cost: -coveredWeight(instance, greedy) };
      if (forcedOpen === k || free === 0) return { value: solution.cost, branch: -1, solution, state: multipliers };
      // No plan covers more than the demands some open or free site can reach: when the incumbent
      // already covers them all, no bound needs computing.
      const reachable = coverableWeight(instance, nodeStatus);
      if (-solution.cost >= reachable) return { value: solution.cost, branch: -1, solution, state: multipliers };
      const chosen = new Uint8Array(m);
      const upper = Math.min(reachable, coverageLagrangian(instance, nodeStatus, multipliers, Math.max(incumbentWeight(), -solution.cost), depth === 0 ? 300 : 60, chosen));
      let branch = -1;
      for (let j = 0; j < m && branch === -1; j++) if (chosen[j] && nodeStatus[j] === FREE) branch = j;
      if (branch === -1) for (let j = 0; j < m && branch === -1; j++) if (nodeStatus[j] === FREE) branch = j;
      return { value: -upper, branch, solution, state: multipliers };
    },
  };
}

// Minimum-cost (multi)cover: open sites so that every demand with requirement b_i has at least b_i
// open sites within the SLO, at least total cost. Chvatal's greedy (cost per newly met requirement)
// with redundant sites dropped gives incumbents; relaxing the cover rows with multipliers u >= 0
// gives the Lagrangian bound sum_i b_i u_i + sum_j min(0, c_j - sum_{i in S_j} u_i).

import { type BranchAndBoundProblem, CLOSED, FREE, OPEN } from './branch-and-bound.js';

export interface CoverInstance {
  readonly demandCount: number;
  readonly candidateCount: number;
  /** Demands candidate j serves within the SLO: coverDemands[coverStart[j] .. coverStart[j + 1]). */
  readonly coverStart: Int32Array;
  readonly coverDemands: Int32Array;
  /** Open sites each demand needs within the SLO (0: no need). */
  readonly requirement: Int32Array;
  readonly costs: Float64Array;
  readonly fixed: Uint8Array;
  readonly allowed: Uint8Array;
}

/** Builds the cover lists from a candidate-major matrix: demand i is covered by j when d_ij <= sloMs. */
export function coverInstance(
  distance: Float64Array, demandCount: number, candidateCount: number, sloMs: number,
  requirement: Int32Array, costs: Float64Array, fixed: Uint8Array, allowed: Uint8Array,
): CoverInstance {
  const coverStart = new Int32Array(candidateCount + 1);
  const lists: number[] = [];
  for (let j = 0; j < candidateCount; j++) {
    for (let i = 0; i < demandCount; i++) if (requirement[i] > 0 && distance[j * demandCount + i] <= sloMs) lists.push(i);
    coverStart[j + 1] = lists.length;
  }
  return { demandCount, candidateCount, coverStart, coverDemands: Int32Array.from(lists), requirement, costs, fixed, allowed };
}

export function coverCost(instance: CoverInstance, sites: Int32Array): number {
  let cost = 0;
  for (const j of sites) cost += instance.costs[j];
  return cost;
}

/** Cover still missing per demand once `open` sites are counted. */
function missingCover(instance: CoverInstance, open: Uint8Array): Int32Array {
  const missing = Int32Array.from(instance.requirement);
  for (let j = 0; j < instance.candidateCount; j++) {
    if (!open[j]) continue;
    for (let t = instance.coverStart[j]; t < instance.coverStart[j + 1]; t++) missing[instance.coverDemands[t]]--;
  }
  return missing;
}

/**
 * Completes the OPEN sites of `status` greedily with FREE ones, then drops sites (not forced open)
 * that the cover does not need, most expensive first. Returns null when FREE sites cannot complete it.
 */
export function greedyCover(instance: CoverInstance, status: Uint8Array, preopened?: Uint8Array): Int32Array | null {
  const { candidateCount: m, coverStart, coverDemands, costs } = instance;
  // Pre-opened sites (a relaxation's choice) start open but, unlike forced ones, may be dropped.
  const open = Uint8Array.from(status, (s, j) => (s === OPEN || (preopened?.[j] === 1 && s === FREE) ? 1 : 0));
  const missing = missingCover(instance, open);
  let unmet = 0;
  for (const need of missing) if (need > 0) unmet += need;
  while (unmet > 0) {
    let best = -1;
    let bestRatio = Infinity;
    for (let j = 0; j < m; j++) {
      if (open[j] || status[j] !== FREE) continue;
      let helps = 0;
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) if (missing[coverDemands[t]] > 0) helps++;
      if (helps === 0) continue;
      const ratio = costs[j] / helps;
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = j;
      }
    }
    if (best === -1) return null;
    open[best] = 1;
    for (let t = coverStart[best]; t < coverStart[best + 1]; t++) {
      if (missing[coverDemands[t]]-- > 0) unmet--;
    }
  }
  const removable: number[] = [];
  for (let j = 0; j < m; j++) if (open[j] && status[j] !== OPEN) removable.push(j);
  removable.sort((a, b) => costs[b] - costs[a] || b - a);
  for (const j of removable) {
    let needed = false;
    for (let t = coverStart[j]; t < coverStart[j + 1] && !needed; t++) if (missing[coverDemands[t]] >= 0) needed = true;
    if (needed) continue;
    open[j] = 0;
    for (let t = coverStart[j]; t < coverStart[j + 1]; t++) missing[coverDemands[t]]++;
  }
  const sites: number[] = [];
  for (let j = 0; j < m; j++) if (open[j]) sites.push(j);
  return Int32Array.from(sites);
}

export function initialCoverMultipliers(instance: CoverInstance): Float64Array {
  // Each demand starts at the cheapest cost per demand among the sites covering it.
  const multipliers = new Float64Array(instance.demandCount).fill(Infinity);
  for (let j = 0; j < instance.candidateCount; j++) {
    const count = instance.coverStart[j + 1] - instance.coverStart[j];
    if (!instance.allowed[j] || count === 0) continue;
    const share = instance.costs[j] / count;
    for (let t = instance.coverStart[j]; t < instance.coverStart[j + 1]; t++) {
      const i = instance.coverDemands[t];
      if (share < multipliers[i]) multipliers[i] = share;
    }
  }
  return multipliers.map((u) => (u === Infinity ? 0 : u));
}

/**
 * Subgradient ascent on the cover bound from `multipliers` (updated in place). Every
 * `heuristicEvery` steps `onRelaxation` sees the current relaxed sites (a Lagrangian heuristic may
 * complete them into a cover); returning true stops the ascent.
 */
export function coverLagrangian(
  instance: CoverInstance, status: Uint8Array, multipliers: Float64Array, upperBound: number, iterations: number, chosenOut: Uint8Array,
  onRelaxation?: (chosen: Uint8Array) => boolean, heuristicEvery = 10,
): number {
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, costs, requirement } = instance;
  const chosen = new Uint8Array(m);
  const coverCount = new Int32Array(n);
  let best = -Infinity;
  let stepScale = 2;
  let sinceImprovement = 0;
  const target = Number.isFinite(upperBound) ? upperBound : null;
  for (let iteration = 0; iteration < iterations; iteration++) {
    let bound = 0;
    for (let i = 0; i < n; i++) bound += requirement[i] * multipliers[i];
    for (let j = 0; j < m; j++) {
      chosen[j] = 0;
      if (status[j] === CLOSED) continue;
      let reduced = costs[j];
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) reduced -= multipliers[coverDemands[t]];
      if (status[j] === OPEN || reduced < 0) {
        chosen[j] = 1;
        bound += reduced;
      }
    }
    if (bound > best) {
      best = bound;
      sinceImprovement = 0;
      chosenOut.set(chosen);
    } else if (++sinceImprovement >= 20) {
      stepScale /= 2;
      sinceImprovement = 0;
    }
    if (onRelaxation && iteration % heuristicEvery === 0 && onRelaxation(chosen)) break;
    if ((target !== null && best >= target - 1e-9 * Math.max(1, Math.abs(target))) || stepScale < 1e-5) break;
    coverCount.fill(0);
    for (let j = 0; j < m; j++) {
      if (!chosen[j]) continue;
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) coverCount[coverDemands[t]]++;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const gradient = requirement[i] - coverCount[i];
      // A multiplier at zero cannot go lower: that direction does not count.
      if (gradient < 0 && multipliers[i] === 0) continue;
      norm += gradient * gradient;
    }
    if (norm === 0) break;
    const gap = target !== null ? target - bound : Math.max(1, Math.abs(bound)) * 0.1;
    const step = (stepScale * Math.max(gap, 1e-9)) / norm;
    for (let i = 0; i < n; i++) multipliers[i] = Math.max(0, multipliers[i] + step * (requirement[i] - coverCount[i]));
  }
  return best;
}

/** Set cover as a branch-and-bound problem; `incumbentCost` reports the best cost so far. */
export function coverBranchProblem(instance: CoverInstance, integral: boolean, incumbentCost: () => number): BranchAndBoundProblem<Float64Array> {
  const { candidateCount: m, coverStart, coverDemands, fixed, allowed } = instance;
  const status = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? OPEN : allowed[j] ? FREE : CLOSED));
  return {
    candidateCount: m,
    status,
    integral,
    rootState: initialCoverMultipliers(instance),
    bound(nodeStatus, parent, depth) {
      const multipliers = Float64Array.from(parent);
      // Prune when the open and free sites together cannot meet some demand's requirement.
      const reachable = Uint8Array.from(nodeStatus, (s) => (s === CLOSED ? 0 : 1));
      const shortfall = missingCover(instance, reachable);
      if (shortfall.some((need) => need > 0)) return { value: Infinity, branch: -1, state: multipliers };
      const open = Uint8Array.from(nodeStatus, (s) => (s === OPEN ? 1 : 0));
      const missing = missingCover(instance, open);
      const greedy = greedyCover(instance, nodeStatus);
      const solution = greedy ? { sites: greedy, cost: coverCost(instance, greedy) } : undefined;
      if (!missing.some((need) => need > 0)) {
        const sites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => open[j]);
        const cost = coverCost(instance, sites);
        return { value: cost, branch: -1, solution: { sites, cost }, state: multipliers };
      }
      const chosen = new Uint8Array(m);
      const upper = Math.min(incumbentCost(), solution?.cost ?? Infinity);
      const value = coverLagrangian(instance, nodeStatus, multipliers, upper, depth === 0 ? 300 : 60, chosen);
      // Branch on the cheapest free site covering the demand with the fewest free sites left.
      let hardest = -1;
      let fewest = Infinity;
      const freeCovers = new Int32Array(instance.demandCount);
      for (let j = 0; j < m; j++) {
        if (nodeStatus[j] !== FREE) continue;
        for (let t = coverStart[j]; t < coverStart[j + 1]; t++) freeCovers[coverDemands[t]]++;
      }
      for (let i = 0; i < instance.demandCount; i++) {
        if (missing[i] > 0 && freeCovers[i] < fewest) {
          fewest = freeCovers[i];
          hardest = i;
        }
      }
      let branch = -1;
      for (let j = 0; j < m; j++) {
        if (nodeStatus[j] !== FREE) continue;
        let coversHardest = false;
        for (let t = coverStart[j]; t < coverStart[j + 1] && !coversHardest; t++) if (coverDemands[t] === hardest) coversHardest = true;
        // Prefer a site the relaxation opens, then the cheapest, then the lowest index.
        if (coversHardest && (branch === -1 || chosen[j] > chosen[branch] || (chosen[j] === chosen[branch] && instance.costs[j] < instance.costs[branch]))) branch = j;
      }
      return { value, branch, solution, state: multipliers };
    },
  };
}

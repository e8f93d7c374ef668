// Minimum-cost (multi)cover: open sites so that every demand with requirement b_i has at least b_i
// open sites within the SLO, at least total cost. Chvatal's greedy (cost per newly met requirement)
// with redundant sites dropped gives incumbents; relaxing the cover rows with multipliers u >= 0
// gives the Lagrangian bound sum_i b_i u_i + sum_j min(0, c_j - sum_{i in S_j} u_i).

import { CLOSED, FREE, OPEN } from './site-status.js';
import { PROGRESS_BEST, PROGRESS_STEP_SCALE, PROGRESS_STOPPED, recordStep, stepExhausted } from './progress.js';

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
export function missingCover(instance: CoverInstance, open: Uint8Array): Int32Array {
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

export type CoverProgress = Float64Array;

/**
 * Up to `iterations` subgradient steps on the cover bound from `multipliers` (updated in place),
 * the twin of the kernel's coverSubgradient: each site's multiplier sum is kept over even and odd
 * demands apart, as the kernel does, so both agree bit for bit. Writes the best relaxation's sites
 * to chosenOut and the last step's to latestOut; sets progress[3] once the bound reaches `upperBound` (Infinity: no target) or the
 * step has shrunk away. Returns whether the best bound improved.
 */
export function coverSubgradient(
  instance: CoverInstance, status: Uint8Array, multipliers: Float64Array, progress: CoverProgress,
  upperBound: number, iterations: number, chosenOut: Uint8Array, latestOut: Uint8Array,
): boolean {
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, costs, requirement } = instance;
  const chosen = new Uint8Array(m);
  const coverCount = new Int32Array(n);
  const hasTarget = Number.isFinite(upperBound);
  let improved = false;
  for (let iteration = 0; iteration < iterations && progress[PROGRESS_STOPPED] === 0; iteration++) {
    let bound = 0;
    for (let i = 0; i < n; i++) bound += requirement[i] * multipliers[i];
    for (let j = 0; j < m; j++) {
      chosen[j] = 0;
      if (status[j] === CLOSED) continue;
      let even = 0;
      let odd = 0;
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) {
        const i = coverDemands[t];
        if ((i & 1) === 0) even += multipliers[i];
        else odd += multipliers[i];
      }
      const reduced = costs[j] - (even + odd);
      if (status[j] === OPEN || reduced < 0) {
        chosen[j] = 1;
        bound += reduced;
      }
    }
    if (iteration === 0) latestOut.set(chosen);
    if (recordStep(progress, bound, false)) {
      chosenOut.set(chosen);
      improved = true;
    }
    if ((hasTarget && progress[PROGRESS_BEST] >= upperBound - 1e-9 * Math.max(1, Math.abs(upperBound))) || stepExhausted(progress)) {
      progress[PROGRESS_STOPPED] = 1;
      break;
    }
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
    if (norm === 0) {
      progress[PROGRESS_STOPPED] = 1;
      break;
    }
    const gap = hasTarget ? upperBound - bound : Math.max(1, Math.abs(bound)) * 0.1;
    const step = (progress[PROGRESS_STEP_SCALE] * Math.max(gap, 1e-9)) / norm;
    for (let i = 0; i < n; i++) {
      const next = multipliers[i] + step * (requirement[i] - coverCount[i]);
      multipliers[i] = next > 0 ? next : 0;
    }
  }
  return improved;
}


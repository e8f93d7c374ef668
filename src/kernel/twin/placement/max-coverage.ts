// Maximal covering (MCLP): k open sites covering the most demand weight within the SLO. Greedy
// addition and best-improvement swaps give incumbents (a swap is priced from each demand's cover
// count and, where that count is one, its single coverer); relaxing "covered only if some open
// site covers it" with multipliers u >= 0 gives the upper bound
// sum_i max(0, w_i - u_i) + the k largest sum_{i in S_j} u_i (forced-open sites always counted).

import { CLOSED, FREE, OPEN } from './site-status.js';
import { PROGRESS_BEST, PROGRESS_STEP_SCALE, PROGRESS_STOPPED, recordStep, stepExhausted } from './progress.js';
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

/**
 * Swap pricing, as the kernel's: each demand's count of open coverers and, where that count is
 * one, the single coverer (the sum of the coverers' indices), so that one pass over a closed
 * site's cover prices inserting it against removing every open site at once.
 */
class SwapPricing {
  readonly sites: number[];
  readonly open: Uint8Array;
  private readonly count: Int32Array;
  private readonly covererSum: Float64Array;
  private readonly loss: Float64Array;
  private readonly regained: Float64Array;

  constructor(private readonly instance: CoverageInstance, start: Int32Array) {
    const { demandCount: n, candidateCount: m } = instance;
    this.sites = Array.from(start);
    this.open = new Uint8Array(m);
    this.count = new Int32Array(n);
    this.covererSum = new Float64Array(n);
    this.loss = new Float64Array(m);
    this.regained = new Float64Array(m);
    for (const j of this.sites) {
      this.open[j] = 1;
      this.apply(j, 1);
    }
  }

  coveredWeight(): number {
    let covered = 0;
    for (let i = 0; i < this.instance.demandCount; i++) if (this.count[i] > 0) covered += this.instance.weights[i];
    return covered;
  }

  /** The best swap with profit above `threshold`, skipping insertions `skip` rules out. */
  best(threshold: number, skip: (site: number) => boolean): { insert: number; remove: number; profit: number } {
    const { demandCount: n, candidateCount: m, coverStart, coverDemands, weights, fixed, allowed } = this.instance;
    const { count, covererSum, loss, regained, open, sites } = this;
    loss.fill(0);
    for (let i = 0; i < n; i++) if (count[i] === 1) loss[covererSum[i]] += weights[i];
    let bestProfit = threshold;
    let insert = -1;
    let remove = -1;
    for (let f = 0; f < m; f++) {
      if (open[f] || !allowed[f] || skip(f)) continue;
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
            insert = f;
            remove = r;
          }
        }
        regained[r] = 0;
      }
    }
    return { insert, remove, profit: bestProfit };
  }

  swap(insert: number, remove: number): void {
    this.apply(remove, -1);
    this.apply(insert, 1);
    this.open[remove] = 0;
    this.open[insert] = 1;
    this.sites[this.sites.indexOf(remove)] = insert;
  }

  private apply(j: number, sign: 1 | -1): void {
    const { coverStart, coverDemands } = this.instance;
    for (let t = coverStart[j]; t < coverStart[j + 1]; t++) {
      this.count[coverDemands[t]] += sign;
      this.covererSum[coverDemands[t]] += sign * j;
    }
  }
}

/** Best-improvement swaps of a non-fixed open site for a closed allowed one while coverage grows. */
export function swapCoverage(instance: CoverageInstance, start: Int32Array): Int32Array {
  const pricing = new SwapPricing(instance, start);
  for (;;) {
    const { insert, remove } = pricing.best(1e-12, () => false);
    if (insert === -1) break;
    pricing.swap(insert, remove);
  }
  return Int32Array.from(pricing.sites).sort();
}

/**
 * Tabu search over swaps (Glover's short-term memory): each step takes the best swap whose
 * inserted site was not removed in the last `tenure` steps, even when it loses coverage, so the
 * search walks across plateaus and out of the local optima swapCoverage stops in. Returns the best
 * sites seen; stops early once `target` weight is covered.
 */
export function tabuCoverage(instance: CoverageInstance, start: Int32Array, steps: number, tenure: number, target: number): Int32Array {
  const pricing = new SwapPricing(instance, start);
  const tabuUntil = new Int32Array(instance.candidateCount);
  let covered = pricing.coveredWeight();
  let best = Int32Array.from(pricing.sites).sort();
  let bestCovered = covered;
  for (let step = 1; step <= steps && bestCovered < target; step++) {
    const { insert, remove, profit } = pricing.best(-Infinity, (site) => tabuUntil[site] >= step);
    if (insert === -1) break;
    pricing.swap(insert, remove);
    tabuUntil[remove] = step + tenure;
    covered += profit;
    if (covered > bestCovered) {
      bestCovered = covered;
      best = Int32Array.from(pricing.sites).sort();
    }
  }
  return best;
}

/**
 * Up to `iterations` subgradient steps descending the coverage upper bound from `multipliers`
 * (updated in place), the twin of the kernel's coverageSubgradient: site sums kept over even and
 * odd demands apart and the bound summed in index order, as the kernel does. Writes the best
 * relaxation's sites to chosenOut; sets progress[3] once the bound meets `lowerBound` (the
 * incumbent's weight) or the step has shrunk away. Returns whether the bound improved.
 */
export function coverageSubgradient(
  instance: CoverageInstance, status: Uint8Array, multipliers: Float64Array, progress: Float64Array,
  lowerBound: number, iterations: number, chosenOut: Uint8Array,
): boolean {
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, weights, k } = instance;
  const value = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const coverCount = new Int32Array(n);
  const order: number[] = [];
  let improved = false;
  let forcedOpen = 0;
  for (let j = 0; j < m; j++) if (status[j] === OPEN) forcedOpen++;
  for (let iteration = 0; iteration < iterations && progress[PROGRESS_STOPPED] === 0; iteration++) {
    let bound = 0;
    for (let i = 0; i < n; i++) if (weights[i] > multipliers[i]) bound += weights[i] - multipliers[i];
    order.length = 0;
    chosen.fill(0);
    for (let j = 0; j < m; j++) {
      if (status[j] === CLOSED) continue;
      let even = 0;
      let odd = 0;
      for (let t = coverStart[j]; t < coverStart[j + 1]; t++) {
        const i = coverDemands[t];
        if ((i & 1) === 0) even += multipliers[i];
        else odd += multipliers[i];
      }
      value[j] = even + odd;
      if (status[j] === OPEN) chosen[j] = 1;
      else order.push(j);
    }
    order.sort((a, b) => value[b] - value[a] || a - b);
    for (let t = 0; t < k - forcedOpen && t < order.length; t++) chosen[order[t]] = 1;
    for (let j = 0; j < m; j++) if (chosen[j]) bound += value[j];
    if (recordStep(progress, bound, true)) {
      chosenOut.set(chosen);
      improved = true;
    }
    if (progress[PROGRESS_BEST] <= lowerBound + 1e-9 * Math.max(1, lowerBound) || stepExhausted(progress)) {
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
      const gradient = (weights[i] > multipliers[i] ? 1 : 0) - coverCount[i];
      norm += gradient * gradient;
    }
    if (norm === 0) {
      progress[PROGRESS_STOPPED] = 1;
      break;
    }
    const step = (progress[PROGRESS_STEP_SCALE] * Math.max(bound - lowerBound, 1e-9)) / norm;
    for (let i = 0; i < n; i++) {
      const next = multipliers[i] + step * ((weights[i] > multipliers[i] ? 1 : 0) - coverCount[i]);
      multipliers[i] = next > 0 ? next : 0;
    }
  }
  return improved;
}


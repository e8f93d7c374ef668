// p-median construction and local search, the TypeScript twins of the kernel's: greedy addition,
// then Whitaker's fast interchange (Whitaker 1983, as laid out by Resende & Werneck 2007): with
// each demand's nearest and second-nearest open sites kept, one pass over the demands per closed
// candidate f prices inserting f against removing every open site at once, so the best swap costs
// O(candidates x (demands + k)) per move rather than O(candidates x k x demands).

import type { PlacementInstance } from './instance.js';

/** Demand-weighted cost of `sites` (finite distances). */
export function pMedianCost(instance: PlacementInstance, sites: Int32Array): number {
  const { demandCount: n, distance, weights } = instance;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (const j of sites) if (distance[j * n + i] < best) best = distance[j * n + i];
    total += weights[i] * best;
  }
  return total;
}

/** Fixed sites, then repeatedly the allowed site that lowers the cost most (lowest index on ties). */
export function greedyPMedian(instance: PlacementInstance): Int32Array {
  const { demandCount: n, candidateCount: m, distance, weights, fixed, allowed, k } = instance;
  const sites: number[] = [];
  const open = new Uint8Array(m);
  // Before any site is open every demand costs twice the unreachable penalty.
  const nearest = new Float64Array(n).fill(instance.unreachableMs * 2);
  const openSite = (j: number) => {
    sites.push(j);
    open[j] = 1;
    for (let i = 0; i < n; i++) if (distance[j * n + i] < nearest[i]) nearest[i] = distance[j * n + i];
  };
  for (let j = 0; j < m; j++) if (fixed[j]) openSite(j);
  while (sites.length < k) {
    let bestSite = -1;
    let bestDelta = Infinity;
    for (let j = 0; j < m; j++) {
      if (open[j] || !allowed[j]) continue;
      let delta = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) {
        const d = distance[base + i];
        if (d < nearest[i]) delta += weights[i] * (d - nearest[i]);
      }
      if (delta < bestDelta) {
        bestDelta = delta;
        bestSite = j;
      }
    }
    if (bestSite === -1) break;
    openSite(bestSite);
  }
  return Int32Array.from(sites).sort();
}

/** What an interchange call did: the sites (ascending), their cost and the swaps made. */
export interface InterchangeStep {
  readonly sites: Int32Array;
  readonly cost: number;
  /** Fewer than the maxSwaps asked: no swap gains any more, the sites are a local optimum. */
  readonly swaps: number;
}

/**
 * Best-improvement swaps until none lowers the cost by more than a relative 1e-12, or `maxSwaps`
 * swaps are made. Returns the improved sites (ascending), their cost and the swaps made.
 */
export function interchangePMedian(instance: PlacementInstance, start: Int32Array, maxSwaps: number): InterchangeStep {
  const { demandCount: n, candidateCount: m, distance, weights, fixed, allowed } = instance;
  const open = new Uint8Array(m);
  const sites = Array.from(start);
  for (const j of sites) open[j] = 1;
  const nearestSite = new Int32Array(n);
  const nearestMs = new Float64Array(n);
  const secondSite = new Int32Array(n);
  const secondMs = new Float64Array(n);
  const refresh = (i: number) => {
    let first = -1;
    let firstMs = Infinity;
    let second = -1;
    let secondBest = Infinity;
    for (const j of sites) {
      const d = distance[j * n + i];
      if (d < firstMs || (d === firstMs && j < first)) {
        second = first;
        secondBest = firstMs;
        first = j;
        firstMs = d;
      } else if (d < secondBest || (d === secondBest && j < second)) {
        second = j;
        secondBest = d;
      }
    }
    nearestSite[i] = first;
    nearestMs[i] = firstMs;
    secondSite[i] = second;
    // With one open site, removing it is never priced: a large finite stand-in keeps sums finite.
    secondMs[i] = second === -1 ? instance.unreachableMs * 2 : secondBest;
  };
  for (let i = 0; i < n; i++) refresh(i);
  let cost = 0;
  for (let i = 0; i < n; i++) cost += weights[i] * nearestMs[i];

  const removalLoss = new Float64Array(m);
  const lossAdjustment = new Float64Array(m);
  let swaps = 0;
  for (; swaps < maxSwaps; swaps++) {
    removalLoss.fill(0);
    for (let i = 0; i < n; i++) removalLoss[nearestSite[i]] += weights[i] * (secondMs[i] - nearestMs[i]);
    let bestProfit = 0;
    let bestInsert = -1;
    let bestRemove = -1;
    for (let f = 0; f < m; f++) {
      if (open[f] || !allowed[f]) continue;
      let gain = 0;
      const base = f * n;
      for (let i = 0; i < n; i++) {
        const d = distance[base + i];
        const w = weights[i];
        if (d < nearestMs[i]) {
          gain += w * (nearestMs[i] - d);
          lossAdjustment[nearestSite[i]] += w * (secondMs[i] - nearestMs[i]);
        } else if (d < secondMs[i]) {
          lossAdjustment[nearestSite[i]] += w * (secondMs[i] - d);
        }
      }
      for (const r of sites) {
        if (!fixed[r]) {
          const profit = gain - (removalLoss[r] - lossAdjustment[r]);
          if (profit > bestProfit) {
            bestProfit = profit;
            bestInsert = f;
            bestRemove = r;
          }
        }
        lossAdjustment[r] = 0;
      }
    }
    if (bestInsert === -1 || bestProfit <= 1e-12 * Math.max(cost, 1)) break;
    sites[sites.indexOf(bestRemove)] = bestInsert;
    open[bestRemove] = 0;
    open[bestInsert] = 1;
    const base = bestInsert * n;
    for (let i = 0; i < n; i++) {
      if (nearestSite[i] === bestRemove || secondSite[i] === bestRemove) {
        refresh(i);
        continue;
      }
      const d = distance[base + i];
      if (d < nearestMs[i] || (d === nearestMs[i] && bestInsert < nearestSite[i])) {
        secondSite[i] = nearestSite[i];
        secondMs[i] = nearestMs[i];
        nearestSite[i] = bestInsert;
        nearestMs[i] = d;
      } else if (d < secondMs[i] || (d === secondMs[i] && bestInsert < secondSite[i])) {
        secondSite[i] = bestInsert;
        secondMs[i] = d;
      }
    }
    cost = 0;
    for (let i = 0; i < n; i++) cost += weights[i] * nearestMs[i];
  }
  return { sites: Int32Array.from(sites).sort(), cost, swaps };
}

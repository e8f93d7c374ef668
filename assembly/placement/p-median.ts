// p-median kernels, twins of src/kernel/twin/placement/p-median-*.ts step for step: greedy
// addition, Whitaker's fast interchange, and chunks of subgradient steps on the Lagrangian bound
// (rho summed over f64x2 lanes: even demands in lane 0, odd in lane 1). Matrices are candidate
// major: distance[j * n + i]. Site statuses: 0 free, 1 forced open, 2 forced closed.

import { allocate, release } from "../allocator";
import {
  byte, chooseExtreme, CLOSED, OPEN, PROGRESS_BEST, PROGRESS_STEP_SCALE, PROGRESS_STOPPED, real, recordStep, setReal, stepExhausted,
} from "./arrays";

/** Sum over demands of weight x distance to the nearest of `count` sites. */
export function pMedianCost(distance: usize, n: i32, weights: usize, sites: usize, count: i32): f64 {
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let s = 0; s < count; s++) {
      const d = real(distance, load<i32>(sites + (<usize>s << 2)) * n + i);
      if (d < best) best = d;
    }
    total += real(weights, i) * best;
  }
  return total;
}

/**
 * Fixed sites, then the allowed site lowering the cost most, until k are open (fewer if the
 * allowed sites run out). Writes the sites ascending to outSites; returns how many.
 */
export function pMedianGreedy(
  distance: usize, n: i32, m: i32, weights: usize, fixed: usize, allowed: usize, k: i32, unreachableMs: f64, outSites: usize,
): i32 {
  const nearest = allocate(<usize>n << 3);
  const open = allocate(<usize>m);
  if (nearest == 0 || open == 0) {
    release(open); release(nearest);
    return -1;
  }
  for (let i = 0; i < n; i++) setReal(nearest, i, unreachableMs * 2);
  memory.fill(open, 0, <usize>m);
  let count = 0;
  for (let j = 0; j < m; j++) {
    if (byte(fixed, j) == 0) continue;
    store<u8>(open + <usize>j, 1);
    count++;
    for (let i = 0; i < n; i++) {
      const d = real(distance, j * n + i);
      if (d < real(nearest, i)) setReal(nearest, i, d);
    }
  }
  while (count < k) {
    let bestSite = -1;
    let bestDelta = Infinity;
    for (let j = 0; j < m; j++) {
      if (byte(open, j) != 0 || byte(allowed, j) == 0) continue;
      let delta: f64 = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) {
        const d = real(distance, base + i);
        const current = real(nearest, i);
        if (d < current) delta += real(weights, i) * (d - current);
      }
      if (delta < bestDelta) {
        bestDelta = delta;
        bestSite = j;
      }
    }
    if (bestSite == -1) break;
    store<u8>(open + <usize>bestSite, 1);
    count++;
    const base = bestSite * n;
    for (let i = 0; i < n; i++) {
      const d = real(distance, base + i);
      if (d < real(nearest, i)) setReal(nearest, i, d);
    }
  }
  let written = 0;
  for (let j = 0; j < m; j++) if (byte(open, j) != 0) store<i32>(outSites + (<usize>(written++) << 2), j);
  release(open); release(nearest);
  return written;
}

/**
 * Fast interchange from the k sites in `sites` (rewritten ascending on return): best-improvement
 * swaps of a non-fixed open site for a closed allowed one until none gains more than a relative
 * 1e-12, or `maxSwaps` swaps are made (the caller resumes, so that it can watch the clock). Writes
 * the swaps made to `swapsOut`; returns the cost, or -1 when scratch memory could not be had.
 */
export function pMedianInterchange(
  distance: usize, n: i32, m: i32, weights: usize, fixed: usize, allowed: usize, sites: usize, k: i32, unreachableMs: f64,
  maxSwaps: i32, swapsOut: usize,
): f64 {
  const open = allocate(<usize>m);
  const nearestSite = allocate(<usize>n << 2);
  const nearestMs = allocate(<usize>n << 3);
  const secondSite = allocate(<usize>n << 2);
  const secondMs = allocate(<usize>n << 3);
  const removalLoss = allocate(<usize>m << 3);
  const lossAdjustment = allocate(<usize>m << 3);
  if (open == 0 || nearestSite == 0 || nearestMs == 0 || secondSite == 0 || secondMs == 0 || removalLoss == 0 || lossAdjustment == 0) {
    release(lossAdjustment); release(removalLoss); release(secondMs); release(secondSite);
    release(nearestMs); release(nearestSite); release(open);
    return -1;
  }
  memory.fill(open, 0, <usize>m);
  for (let s = 0; s < k; s++) store<u8>(open + <usize>load<i32>(sites + (<usize>s << 2)), 1);
  for (let j = 0; j < m; j++) setReal(lossAdjustment, j, 0);
  for (let i = 0; i < n; i++) refresh(distance, n, sites, k, i, nearestSite, nearestMs, secondSite, secondMs, unreachableMs);
  let cost: f64 = 0;
  for (let i = 0; i < n; i++) cost += real(weights, i) * real(nearestMs, i);

  let swaps = 0;
  for (; swaps < maxSwaps; swaps++) {
    for (let j = 0; j < m; j++) setReal(removalLoss, j, 0);
    for (let i = 0; i < n; i++) {
      const site = load<i32>(nearestSite + (<usize>i << 2));
      setReal(removalLoss, site, real(removalLoss, site) + real(weights, i) * (real(secondMs, i) - real(nearestMs, i)));
    }
    let bestProfit: f64 = 0;
    let bestInsert = -1;
    let bestRemove = -1;
    for (let f = 0; f < m; f++) {
      if (byte(open, f) != 0 || byte(allowed, f) == 0) continue;
      let gain: f64 = 0;
      const base = f * n;
      for (let i = 0; i < n; i++) {
        const d = real(distance, base + i);
        const w = real(weights, i);
        const first = real(nearestMs, i);
        const second = real(secondMs, i);
        const owner = load<i32>(nearestSite + (<usize>i << 2));
        if (d < first) {
          gain += w * (first - d);
          setReal(lossAdjustment, owner, real(lossAdjustment, owner) + w * (second - first));
        } else if (d < second) {
          setReal(lossAdjustment, owner, real(lossAdjustment, owner) + w * (second - d));
        }
      }
      for (let s = 0; s < k; s++) {
        const r = load<i32>(sites + (<usize>s << 2));
        if (byte(fixed, r) == 0) {
          const profit = gain - (real(removalLoss, r) - real(lossAdjustment, r));
          if (profit > bestProfit) {
            bestProfit = profit;
            bestInsert = f;
            bestRemove = r;
          }
        }
        setReal(lossAdjustment, r, 0);
      }
    }
    if (bestInsert == -1 || bestProfit <= 1e-12 * max(cost, 1.0)) break;
    for (let s = 0; s < k; s++) {
      if (load<i32>(sites + (<usize>s << 2)) == bestRemove) {
        store<i32>(sites + (<usize>s << 2), bestInsert);
        break;
      }
    }
    store<u8>(open + <usize>bestRemove, 0);
    store<u8>(open + <usize>bestInsert, 1);
    const base = bestInsert * n;
    for (let i = 0; i < n; i++) {
      const first = load<i32>(nearestSite + (<usize>i << 2));
      const second = load<i32>(secondSite + (<usize>i << 2));
      if (first == bestRemove || second == bestRemove) {
        refresh(distance, n, sites, k, i, nearestSite, nearestMs, secondSite, secondMs, unreachableMs);
        continue;
      }
      const d = real(distance, base + i);
      const firstMs = real(nearestMs, i);
      if (d < firstMs || (d == firstMs && bestInsert < first)) {
        store<i32>(secondSite + (<usize>i << 2), first);
        setReal(secondMs, i, firstMs);
        store<i32>(nearestSite + (<usize>i << 2), bestInsert);
        setReal(nearestMs, i, d);
      } else if (d < real(secondMs, i) || (d == real(secondMs, i) && bestInsert < second)) {
        store<i32>(secondSite + (<usize>i << 2), bestInsert);
        setReal(secondMs, i, d);
      }
    }
    cost = 0;
    for (let i = 0; i < n; i++) cost += real(weights, i) * real(nearestMs, i);
  }
  // Ascending order, as the twin returns.
  let written = 0;
  for (let j = 0; j < m; j++) if (byte(open, j) != 0) store<i32>(sites + (<usize>(written++) << 2), j);
  store<i32>(swapsOut, swaps);
  release(lossAdjustment); release(removalLoss); release(secondMs); release(secondSite);
  release(nearestMs); release(nearestSite); release(open);
  return cost;
}

function refresh(
  distance: usize, n: i32, sites: usize, k: i32, i: i32,
  nearestSite: usize, nearestMs: usize, secondSite: usize, secondMs: usize, unreachableMs: f64,
): void {
  let first = -1;
  let firstMs = Infinity;
  let second = -1;
  let secondBest = Infinity;
  for (let s = 0; s < k; s++) {
    const j = load<i32>(sites + (<usize>s << 2));
    const d = real(distance, j * n + i);
    if (d < firstMs || (d == firstMs && j < first)) {
      second = first;
      secondBest = firstMs;
      first = j;
      firstMs = d;
    } else if (d < secondBest || (d == secondBest && j < second)) {
      second = j;
      secondBest = d;
    }
  }
  store<i32>(nearestSite + (<usize>i << 2), first);
  setReal(nearestMs, i, firstMs);
  store<i32>(secondSite + (<usize>i << 2), second);
  setReal(secondMs, i, second == -1 ? unreachableMs * 2 : secondBest);
}

/**
 * Up to `iterations` subgradient steps on `lambda` (n f64, in place); `progress` holds
 * [best, stepScale, sinceImprovement, stopped] across calls. Writes the best relaxation's sites to
 * chosenOut (m bytes). Returns 1 when the best bound improved, 0 when not, -1 without memory.
 */
export function pMedianSubgradient(
  distance: usize, n: i32, m: i32, weights: usize, status: usize, k: i32,
  lambda: usize, progress: usize, upperBound: f64, iterations: i32, chosenOut: usize,
): i32 {
  const rho = allocate(<usize>m << 3);
  const chosen = allocate(<usize>m);
  const heap = allocate(<usize>max(m, 1) << 2);
  const chosenSites = allocate(<usize>max(m, 1) << 2);
  const subgradient = allocate(<usize>n << 3);
  if (rho == 0 || chosen == 0 || heap == 0 || chosenSites == 0 || subgradient == 0) {
    release(subgradient); release(chosenSites); release(heap); release(chosen); release(rho);
    return -1;
  }
  let improved = 0;
  let forcedOpen = 0;
  let free = 0;
  for (let j = 0; j < m; j++) {
    const s = byte(status, j);
    if (s == OPEN) forcedOpen++;
    else if (s == 0) free++;
  }
  const toChoose = k - forcedOpen;
  const pairs = n - (n & 1);
  const zero = f64x2.splat(0);
  for (let iteration = 0; iteration < iterations && real(progress, PROGRESS_STOPPED) == 0; iteration++) {
    let lambdaSum: f64 = 0;
    for (let i = 0; i < n; i++) lambdaSum += real(lambda, i);
    for (let j = 0; j < m; j++) {
      if (byte(status, j) == CLOSED) continue;
      const base = distance + ((<usize>j * <usize>n) << 3);
      let sums = zero;
      for (let i = 0; i < pairs; i += 2) {
        const offset = <usize>i << 3;
        const reduced = f64x2.sub(f64x2.mul(v128.load(weights + offset), v128.load(base + offset)), v128.load(lambda + offset));
        sums = f64x2.add(sums, f64x2.pmin(zero, reduced));
      }
      let value = f64x2.extract_lane(sums, 0) + f64x2.extract_lane(sums, 1);
      if (pairs < n) {
        const reduced = real(weights, pairs) * load<f64>(base + (<usize>pairs << 3)) - real(lambda, pairs);
        if (reduced < 0) value += reduced;
      }
      setReal(rho, j, value);
    }
    if (toChoose < 0 || free < toChoose) {
      setReal(progress, PROGRESS_BEST, Infinity);
      setReal(progress, PROGRESS_STOPPED, 1);
      improved = 1;
      break;
    }
    memory.fill(chosen, 0, <usize>m);
    for (let j = 0; j < m; j++) if (byte(status, j) == OPEN) store<u8>(chosen + <usize>j, 1);
    chooseExtreme(rho, status, m, toChoose, heap, chosen, false);
    let bound = lambdaSum;
    for (let j = 0; j < m; j++) if (byte(chosen, j) != 0) bound += real(rho, j);
    if (recordStep(progress, bound, false)) {
      memory.copy(chosenOut, chosen, <usize>m);
      improved = 1;
    }
    const best = real(progress, PROGRESS_BEST);
    if (best >= upperBound - 1e-9 * max(1.0, abs(upperBound)) || stepExhausted(progress)) {
      setReal(progress, PROGRESS_STOPPED, 1);
      break;
    }
    let chosenCount = 0;
    for (let j = 0; j < m; j++) if (byte(chosen, j) != 0) store<i32>(chosenSites + (<usize>(chosenCount++) << 2), j);
    let norm: f64 = 0;
    for (let i = 0; i < n; i++) {
      let assigned = 0;
      const w = real(weights, i);
      const l = real(lambda, i);
      for (let s = 0; s < chosenCount; s++) {
        if (w * real(distance, load<i32>(chosenSites + (<usize>s << 2)) * n + i) < l) assigned++;
      }
      const g = <f64>(1 - assigned);
      setReal(subgradient, i, g);
      norm += g * g;
    }
    if (norm == 0) {
      setReal(progress, PROGRESS_STOPPED, 1);
      break;
    }
    const step = (real(progress, PROGRESS_STEP_SCALE) * (upperBound - bound)) / norm;
    for (let i = 0; i < n; i++) {
      const next = real(lambda, i) + step * real(subgradient, i);
      setReal(lambda, i, next > 0 ? next : 0);
    }
  }
  release(subgradient); release(chosenSites); release(heap); release(chosen); release(rho);
  return improved;
}

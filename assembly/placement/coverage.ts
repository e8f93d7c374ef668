// Max-coverage kernels, twins of src/kernel/twin/placement/max-coverage.ts step for step: greedy
// addition, best-improvement swaps, tabu search over swaps, and chunks of subgradient steps on the
// Lagrangian upper bound. Cover lists are CSR: candidate j covers
// coverDemands[coverStart[j] .. coverStart[j + 1]). Statuses: 0 free, 1 forced open, 2 closed.

import { allocate, release } from "../allocator";
import {
  byte, chooseExtreme, CLOSED, countCovers, int, OPEN, PROGRESS_BEST, PROGRESS_STEP_SCALE, PROGRESS_STOPPED, real, recordStep, setByte, setInt,
  setReal, stepExhausted,
} from "./arrays";

/** Forced-open sites, then the free site adding most weight, until k; writes them ascending. */
export function coverageGreedy(coverStart: usize, coverDemands: usize, n: i32, m: i32, weights: usize, status: usize, k: i32, outSites: usize): i32 {
  const covered = allocate(<usize>max(n, 1));
  const taken = allocate(<usize>max(m, 1));
  if (covered == 0 || taken == 0) {
    release(taken); release(covered);
    return -1;
  }
  memory.fill(covered, 0, <usize>n);
  let count = 0;
  for (let j = 0; j < m; j++) {
    const open: u8 = byte(status, j) == OPEN ? 1 : 0;
    setByte(taken, j, open);
    if (open == 0) continue;
    count++;
    for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) setByte(covered, int(coverDemands, t), 1);
  }
  while (count < k) {
    let best = -1;
    let bestGain: f64 = -1;
    for (let j = 0; j < m; j++) {
      if (byte(taken, j) != 0 || byte(status, j) != 0) continue;
      let gain: f64 = 0;
      for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
        const i = int(coverDemands, t);
        if (byte(covered, i) == 0) gain += real(weights, i);
      }
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
      }
    }
    if (best == -1) break;
    setByte(taken, best, 1);
    count++;
    for (let t = int(coverStart, best); t < int(coverStart, best + 1); t++) setByte(covered, int(coverDemands, t), 1);
  }
  let written = 0;
  for (let j = 0; j < m; j++) if (byte(taken, j) != 0) setInt(outSites, written++, j);
  release(taken); release(covered);
  return written;
}

// Swap pricing state, kept in kernel memory (no managed objects: the kernel's allocator owns the
// heap): a block of five pointers to open flags, cover counts, coverer index sums (a count of 1
// names the single coverer), removal losses and regained weights.
const STATE_OPEN = 0;
const STATE_COUNT = 4;
const STATE_COVERER_SUM = 8;
const STATE_LOSS = 12;
const STATE_REGAINED = 16;

@inline function field(state: usize, offset: i32): usize {
  return <usize>load<u32>(state + <usize>offset);
}

function newSwapState(n: i32, m: i32): usize {
  const state = allocate(20);
  if (state == 0) return 0;
  store<u32>(state + STATE_OPEN, <u32>allocate(<usize>max(m, 1)));
  store<u32>(state + STATE_COUNT, <u32>allocate(<usize>max(n, 1) << 2));
  store<u32>(state + STATE_COVERER_SUM, <u32>allocate(<usize>max(n, 1) << 3));
  store<u32>(state + STATE_LOSS, <u32>allocate(<usize>max(m, 1) << 3));
  store<u32>(state + STATE_REGAINED, <u32>allocate(<usize>max(m, 1) << 3));
  return state;
}

function swapStateReady(state: usize): bool {
  return state != 0 && field(state, STATE_OPEN) != 0 && field(state, STATE_COUNT) != 0 && field(state, STATE_COVERER_SUM) != 0
    && field(state, STATE_LOSS) != 0 && field(state, STATE_REGAINED) != 0;
}

function freeSwapState(state: usize): void {
  if (state == 0) return;
  release(field(state, STATE_REGAINED)); release(field(state, STATE_LOSS)); release(field(state, STATE_COVERER_SUM));
  release(field(state, STATE_COUNT)); release(field(state, STATE_OPEN)); release(state);
}

@inline function applySite(state: usize, coverStart: usize, coverDemands: usize, j: i32, sign: i32): void {
  for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
    const i = int(coverDemands, t);
    setInt(field(state, STATE_COUNT), i, int(field(state, STATE_COUNT), i) + sign);
    store<i64>(field(state, STATE_COVERER_SUM) + (<usize>i << 3), load<i64>(field(state, STATE_COVERER_SUM) + (<usize>i << 3)) + <i64>(sign * j));
  }
}

function initSwapState(state: usize, coverStart: usize, coverDemands: usize, n: i32, m: i32, sites: usize, count: i32): void {
  memory.fill(field(state, STATE_OPEN), 0, <usize>m);
  for (let i = 0; i < n; i++) {
    setInt(field(state, STATE_COUNT), i, 0);
    store<i64>(field(state, STATE_COVERER_SUM) + (<usize>i << 3), 0);
  }
  for (let j = 0; j < m; j++) setReal(field(state, STATE_REGAINED), j, 0);
  for (let s = 0; s < count; s++) {
    const j = int(sites, s);
    setByte(field(state, STATE_OPEN), j, 1);
    applySite(state, coverStart, coverDemands, j, 1);
  }
}

@inline function coverer(state: usize, i: i32): i32 {
  return <i32>load<i64>(field(state, STATE_COVERER_SUM) + (<usize>i << 3));
}

/**
 * Finds the best swap (insert f, remove r) whose profit beats `threshold`, skipping insertions
 * marked in `tabuUntil` beyond `step` (0: no tabu). Writes f, r to result; returns the profit.
 */
function bestSwap(
  state: usize, coverStart: usize, coverDemands: usize, n: i32, m: i32, weights: usize, fixed: usize, allowed: usize,
  sites: usize, count: i32, threshold: f64, tabuUntil: usize, step: i32, result: usize,
): f64 {
  for (let j = 0; j < m; j++) setReal(field(state, STATE_LOSS), j, 0);
  for (let i = 0; i < n; i++) {
    if (int(field(state, STATE_COUNT), i) == 1) {
      const r = coverer(state, i);
      setReal(field(state, STATE_LOSS), r, real(field(state, STATE_LOSS), r) + real(weights, i));
    }
  }
  let bestProfit = threshold;
  setInt(result, 0, -1);
  setInt(result, 1, -1);
  for (let f = 0; f < m; f++) {
    if (byte(field(state, STATE_OPEN), f) != 0 || byte(allowed, f) == 0) continue;
    if (tabuUntil != 0 && int(tabuUntil, f) >= step) continue;
    let gain: f64 = 0;
    for (let t = int(coverStart, f); t < int(coverStart, f + 1); t++) {
      const i = int(coverDemands, t);
      const c = int(field(state, STATE_COUNT), i);
      if (c == 0) gain += real(weights, i);
      else if (c == 1) {
        const r = coverer(state, i);
        setReal(field(state, STATE_REGAINED), r, real(field(state, STATE_REGAINED), r) + real(weights, i));
      }
    }
    for (let s = 0; s < count; s++) {
      const r = int(sites, s);
      if (byte(fixed, r) == 0) {
        const profit = gain - real(field(state, STATE_LOSS), r) + real(field(state, STATE_REGAINED), r);
        if (profit > bestProfit) {
          bestProfit = profit;
          setInt(result, 0, f);
          setInt(result, 1, r);
        }
      }
      setReal(field(state, STATE_REGAINED), r, 0);
    }
  }
  return bestProfit;
}

function applySwap(state: usize, coverStart: usize, coverDemands: usize, sites: usize, count: i32, insert: i32, remove: i32): void {
  applySite(state, coverStart, coverDemands, remove, -1);
  applySite(state, coverStart, coverDemands, insert, 1);
  setByte(field(state, STATE_OPEN), remove, 0);
  setByte(field(state, STATE_OPEN), insert, 1);
  for (let s = 0; s < count; s++) {
    if (int(sites, s) == remove) {
      setInt(sites, s, insert);
      break;
    }
  }
}

function writeAscending(open: usize, m: i32, sites: usize): i32 {
  let written = 0;
  for (let j = 0; j < m; j++) if (byte(open, j) != 0) setInt(sites, written++, j);
  return written;
}

/** Best-improvement swaps while coverage grows; rewrites `sites` ascending, returns the count. */
export function coverageSwap(
  coverStart: usize, coverDemands: usize, n: i32, m: i32, weights: usize, fixed: usize, allowed: usize, sites: usize, count: i32,
): i32 {
  const state = newSwapState(n, m);
  const result = allocate(8);
  if (!swapStateReady(state) || result == 0) {
    release(result);
    freeSwapState(state);
    return -1;
  }
  initSwapState(state, coverStart, coverDemands, n, m, sites, count);
  for (;;) {
    bestSwap(state, coverStart, coverDemands, n, m, weights, fixed, allowed, sites, count, 1e-12, 0, 0, result);
    const insert = int(result, 0);
    if (insert == -1) break;
    applySwap(state, coverStart, coverDemands, sites, count, insert, int(result, 1));
  }
  const written = writeAscending(field(state, STATE_OPEN), m, sites);
  release(result);
  freeSwapState(state);
  return written;
}

/**
 * Tabu search: `steps` best non-tabu swaps, improving or not; a removed site may not come back for
 * `tenure` steps. Stops once `target` weight is covered; rewrites `sites` with the best seen.
 */
export function coverageTabu(
  coverStart: usize, coverDemands: usize, n: i32, m: i32, weights: usize, fixed: usize, allowed: usize,
  sites: usize, count: i32, steps: i32, tenure: i32, target: f64,
): i32 {
  const state = newSwapState(n, m);
  const result = allocate(8);
  const tabuUntil = allocate(<usize>max(m, 1) << 2);
  const best = allocate(<usize>max(count, 1) << 2);
  if (!swapStateReady(state) || result == 0 || tabuUntil == 0 || best == 0) {
    release(best); release(tabuUntil); release(result);
    freeSwapState(state);
    return -1;
  }
  initSwapState(state, coverStart, coverDemands, n, m, sites, count);
  for (let j = 0; j < m; j++) setInt(tabuUntil, j, 0);
  let covered: f64 = 0;
  for (let i = 0; i < n; i++) if (int(field(state, STATE_COUNT), i) > 0) covered += real(weights, i);
  writeAscending(field(state, STATE_OPEN), m, best);
  let bestCovered = covered;
  for (let step = 1; step <= steps && bestCovered < target; step++) {
    const profit = bestSwap(state, coverStart, coverDemands, n, m, weights, fixed, allowed, sites, count, -Infinity, tabuUntil, step, result);
    const insert = int(result, 0);
    if (insert == -1) break;
    const remove = int(result, 1);
    applySwap(state, coverStart, coverDemands, sites, count, insert, remove);
    setInt(tabuUntil, remove, step + tenure);
    covered += profit;
    if (covered > bestCovered) {
      bestCovered = covered;
      writeAscending(field(state, STATE_OPEN), m, best);
    }
  }
  memory.copy(sites, best, <usize>count << 2);
  release(best); release(tabuUntil); release(result);
  freeSwapState(state);
  return count;
}

/**
 * Up to `iterations` subgradient steps descending the upper bound; `multipliers` in place,
 * `progress` = [best, stepScale, sinceImprovement, stopped] across calls, the best relaxation's
 * sites to chosenOut. Returns 1 when the bound improved, 0 when not, -1 without memory.
 */
export function coverageSubgradient(
  coverStart: usize, coverDemands: usize, n: i32, m: i32, weights: usize, status: usize, k: i32,
  multipliers: usize, progress: usize, lowerBound: f64, iterations: i32, chosenOut: usize,
): i32 {
  const value = allocate(<usize>max(m, 1) << 3);
  const chosen = allocate(<usize>max(m, 1));
  const coverCount = allocate(<usize>max(n, 1) << 3);
  const heap = allocate(<usize>max(m, 1) << 2);
  if (value == 0 || chosen == 0 || coverCount == 0 || heap == 0) {
    release(heap); release(coverCount); release(chosen); release(value);
    return -1;
  }
  let improved = 0;
  let forcedOpen = 0;
  for (let j = 0; j < m; j++) if (byte(status, j) == OPEN) forcedOpen++;
  for (let iteration = 0; iteration < iterations && real(progress, PROGRESS_STOPPED) == 0; iteration++) {
    let bound: f64 = 0;
    for (let i = 0; i < n; i++) {
      const w = real(weights, i);
      const u = real(multipliers, i);
      if (w > u) bound += w - u;
    }
    memory.fill(chosen, 0, <usize>m);
    for (let j = 0; j < m; j++) {
      const s = byte(status, j);
      if (s == CLOSED) continue;
      let even: f64 = 0;
      let odd: f64 = 0;
      for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
        const i = int(coverDemands, t);
        if ((i & 1) == 0) even += real(multipliers, i);
        else odd += real(multipliers, i);
      }
      setReal(value, j, even + odd);
      if (s == OPEN) setByte(chosen, j, 1);
    }
    chooseExtreme(value, status, m, k - forcedOpen, heap, chosen, true);
    for (let j = 0; j < m; j++) if (byte(chosen, j) != 0) bound += real(value, j);
    if (recordStep(progress, bound, true)) {
      memory.copy(chosenOut, chosen, <usize>m);
      improved = 1;
    }
    if (real(progress, PROGRESS_BEST) <= lowerBound + 1e-9 * max(1.0, lowerBound) || stepExhausted(progress)) {
      setReal(progress, PROGRESS_STOPPED, 1);
      break;
    }
    countCovers(coverStart, coverDemands, n, m, chosen, coverCount);
    let norm: f64 = 0;
    for (let i = 0; i < n; i++) {
      const gradient = (real(weights, i) > real(multipliers, i) ? 1.0 : 0.0) - real(coverCount, i);
      norm += gradient * gradient;
    }
    if (norm == 0) {
      setReal(progress, PROGRESS_STOPPED, 1);
      break;
    }
    const step = (real(progress, PROGRESS_STEP_SCALE) * max(bound - lowerBound, 1e-9)) / norm;
    for (let i = 0; i < n; i++) {
      const gradient = (real(weights, i) > real(multipliers, i) ? 1.0 : 0.0) - real(coverCount, i);
      const next = real(multipliers, i) + step * gradient;
      setReal(multipliers, i, next > 0 ? next : 0);
    }
  }
  release(heap); release(coverCount); release(chosen); release(value);
  return improved;
}

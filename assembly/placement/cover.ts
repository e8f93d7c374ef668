// Cover kernels, twins of src/kernel/twin/placement/set-cover.ts step for step: Chvatal's greedy
// (multi)cover with redundant sites dropped, and chunks of subgradient steps on the Lagrangian
// cover bound (each site's multiplier sum kept over even and odd demands apart, as the twin does).
// Cover lists are CSR: candidate j covers coverDemands[coverStart[j] .. coverStart[j + 1]).

import { allocate, release } from "../allocator";
import {
  byte, CLOSED, countCovers, int, OPEN, PROGRESS_BEST, PROGRESS_STEP_SCALE, PROGRESS_STOPPED, real, recordStep, setInt, setReal, stepExhausted,
} from "./arrays";

/**
 * Completes the open sites (status 1, and free sites pre-opened when `preopened` is not 0) into a
 * cover greedily, then drops sites not forced open that the cover does not need, most expensive
 * first. Writes the sites ascending; returns their count, -2 when no cover exists, -1 without memory.
 */
export function coverGreedy(
  coverStart: usize, coverDemands: usize, n: i32, m: i32, requirement: usize, costs: usize,
  status: usize, preopened: usize, outSites: usize,
): i32 {
  const open = allocate(<usize>m);
  const missing = allocate(<usize>n << 2);
  const removable = allocate(<usize>max(m, 1) << 2);
  if (open == 0 || missing == 0 || removable == 0) {
    release(removable); release(missing); release(open);
    return -1;
  }
  for (let j = 0; j < m; j++) {
    const s = byte(status, j);
    store<u8>(open + <usize>j, s == OPEN || (preopened != 0 && byte(preopened, j) == 1 && s == 0) ? 1 : 0);
  }
  for (let i = 0; i < n; i++) setInt(missing, i, int(requirement, i));
  for (let j = 0; j < m; j++) {
    if (byte(open, j) == 0) continue;
    for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
      const i = int(coverDemands, t);
      setInt(missing, i, int(missing, i) - 1);
    }
  }
  let unmet = 0;
  for (let i = 0; i < n; i++) if (int(missing, i) > 0) unmet += int(missing, i);
  let result = 0;
  while (unmet > 0) {
    let best = -1;
    let bestRatio = Infinity;
    for (let j = 0; j < m; j++) {
      if (byte(open, j) != 0 || byte(status, j) != 0) continue;
      let helps = 0;
      for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) if (int(missing, int(coverDemands, t)) > 0) helps++;
      if (helps == 0) continue;
      const ratio = real(costs, j) / <f64>helps;
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = j;
      }
    }
    if (best == -1) {
      result = -2;
      break;
    }
    store<u8>(open + <usize>best, 1);
    for (let t = int(coverStart, best); t < int(coverStart, best + 1); t++) {
      const i = int(coverDemands, t);
      const before = int(missing, i);
      setInt(missing, i, before - 1);
      if (before > 0) unmet--;
    }
  }
  if (result == 0) {
    // Drop order: most expensive first, the higher index first among equal costs.
    let count = 0;
    for (let j = 0; j < m; j++) {
      if (byte(open, j) == 0 || byte(status, j) == OPEN) continue;
      let slot = count++;
      while (slot > 0) {
        const before = int(removable, slot - 1);
        const costBefore = real(costs, before);
        const cost = real(costs, j);
        if (costBefore > cost || (costBefore == cost && before > j)) break;
        setInt(removable, slot, before);
        slot--;
      }
      setInt(removable, slot, j);
    }
    for (let r = 0; r < count; r++) {
      const j = int(removable, r);
      let needed = false;
      for (let t = int(coverStart, j); t < int(coverStart, j + 1) && !needed; t++) if (int(missing, int(coverDemands, t)) >= 0) needed = true;
      if (needed) continue;
      store<u8>(open + <usize>j, 0);
      for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
        const i = int(coverDemands, t);
        setInt(missing, i, int(missing, i) + 1);
      }
    }
    for (let j = 0; j < m; j++) if (byte(open, j) != 0) setInt(outSites, result++, j);
  }
  release(removable); release(missing); release(open);
  return result;
}

const IMPROVED: i32 = 1;
const STOP: i32 = 2;

/**
 * Records one step's bound (the latest relaxation on a call's first step, the best on
 * improvement) and says whether the ascent is over: the bound reached the target or the step
 * shrank away. Returns IMPROVED and STOP flags.
 */
function recordCoverStep(
  progress: usize, bound: f64, chosen: usize, chosenOut: usize, latestOut: usize, m: i32, iteration: i32, upperBound: f64, hasTarget: bool,
): i32 {
  let flags = 0;
  if (iteration == 0) memory.copy(latestOut, chosen, <usize>m);
  if (recordStep(progress, bound, false)) {
    memory.copy(chosenOut, chosen, <usize>m);
    flags |= IMPROVED;
  }
  const best = real(progress, PROGRESS_BEST);
  if ((hasTarget && best >= upperBound - 1e-9 * max(1.0, abs(upperBound))) || stepExhausted(progress)) {
    setReal(progress, PROGRESS_STOPPED, 1);
    flags |= STOP;
  }
  return flags;
}

/**
 * Moves the multipliers along requirement - cover count (counts as f64); a multiplier at zero
 * does not count a direction that would push it lower. Returns false, marking the ascent
 * stopped, when every requirement is met exactly.
 */
function stepMultipliers(
  requirement: usize, coverCount: usize, multipliers: usize, n: i32, progress: usize, bound: f64, upperBound: f64, hasTarget: bool,
): bool {
  let norm: f64 = 0;
  for (let i = 0; i < n; i++) {
    const gradient = <f64>int(requirement, i) - real(coverCount, i);
    if (gradient < 0 && real(multipliers, i) == 0) continue;
    norm += gradient * gradient;
  }
  if (norm == 0) {
    setReal(progress, PROGRESS_STOPPED, 1);
    return false;
  }
  const gap = hasTarget ? upperBound - bound : max(1.0, abs(bound)) * 0.1;
  const step = (real(progress, PROGRESS_STEP_SCALE) * max(gap, 1e-9)) / norm;
  for (let i = 0; i < n; i++) {
    const next = real(multipliers, i) + step * (<f64>int(requirement, i) - real(coverCount, i));
    setReal(multipliers, i, next > 0 ? next : 0);
  }
  return true;
}

/**
 * Up to `iterations` subgradient steps on the cover bound; `multipliers` (n f64) updated in place,
 * `progress` = [best, stepScale, sinceImprovement, stopped] carried across calls, the best
 * relaxation's sites written to chosenOut and the call's first step's to latestOut. upperBound may
 * be +Infinity (no target). Returns 1 when the best bound improved, 0 when not, -1 without memory.
 */
export function coverSubgradient(
  coverStart: usize, coverDemands: usize, n: i32, m: i32, requirement: usize, costs: usize, status: usize,
  multipliers: usize, progress: usize, upperBound: f64, iterations: i32, chosenOut: usize, latestOut: usize,
): i32 {
  const chosen = allocate(<usize>max(m, 1));
  const coverCount = allocate(<usize>max(n, 1) << 3);
  if (chosen == 0 || coverCount == 0) {
    release(coverCount); release(chosen);
    return -1;
  }
  const hasTarget = isFinite(upperBound);
  let improved = 0;
  for (let iteration = 0; iteration < iterations && real(progress, PROGRESS_STOPPED) == 0; iteration++) {
    let bound: f64 = 0;
    for (let i = 0; i < n; i++) bound += <f64>int(requirement, i) * real(multipliers, i);
    for (let j = 0; j < m; j++) {
      store<u8>(chosen + <usize>j, 0);
      const s = byte(status, j);
      if (s == CLOSED) continue;
      let even: f64 = 0;
      let odd: f64 = 0;
      for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
        const i = int(coverDemands, t);
        if ((i & 1) == 0) even += real(multipliers, i);
        else odd += real(multipliers, i);
      }
      const reduced = real(costs, j) - (even + odd);
      if (s == OPEN || reduced < 0) {
        store<u8>(chosen + <usize>j, 1);
        bound += reduced;
      }
    }
    const recorded = recordCoverStep(progress, bound, chosen, chosenOut, latestOut, m, iteration, upperBound, hasTarget);
    if ((recorded & IMPROVED) != 0) improved = 1;
    if ((recorded & STOP) != 0) break;
    countCovers(coverStart, coverDemands, n, m, chosen, coverCount);
    if (!stepMultipliers(requirement, coverCount, multipliers, n, progress, bound, upperBound, hasTarget)) break;
  }
  release(coverCount); release(chosen);
  return improved;
}

/**
 * coverSubgradient for a cover given as "demand i is covered by j when distance[j * n + i] <=
 * radius" (the dense form p-center produces, where covers are large): site sums and cover counts
 * run over f64x2 lanes (even demands in lane 0, odd in lane 1), which is the order the twin's
 * list-based sums use, so the results are the same bit for bit. `required` holds 1.0 for demands
 * that need cover and 0.0 for the rest; `requirement` their required counts.
 */
export function coverSubgradientDense(
  distance: usize, radius: f64, required: usize, n: i32, m: i32, requirement: usize, costs: usize, status: usize,
  multipliers: usize, progress: usize, upperBound: f64, iterations: i32, chosenOut: usize, latestOut: usize,
): i32 {
  const chosen = allocate(<usize>max(m, 1));
  const coverCount = allocate(<usize>max(n, 1) << 3);
  const masked = allocate(<usize>max(n, 1) << 3);
  if (chosen == 0 || coverCount == 0 || masked == 0) {
    release(masked); release(coverCount); release(chosen);
    return -1;
  }
  const hasTarget = isFinite(upperBound);
  const pairs = n - (n & 1);
  const radiusSplat = f64x2.splat(radius);
  const zero = f64x2.splat(0);
  let improved = 0;
  for (let iteration = 0; iteration < iterations && real(progress, PROGRESS_STOPPED) == 0; iteration++) {
    let bound: f64 = 0;
    for (let i = 0; i < n; i++) {
      bound += <f64>int(requirement, i) * real(multipliers, i);
      setReal(masked, i, real(multipliers, i) * real(required, i));
    }
    for (let j = 0; j < m; j++) {
      store<u8>(chosen + <usize>j, 0);
      const s = byte(status, j);
      if (s == CLOSED) continue;
      const column = distance + ((<usize>j * <usize>n) << 3);
      let sums = zero;
      for (let i = 0; i < pairs; i += 2) {
        const offset = <usize>i << 3;
        const within = f64x2.le(v128.load(column + offset), radiusSplat);
        sums = f64x2.add(sums, v128.and(v128.load(masked + offset), within));
      }
      let even = f64x2.extract_lane(sums, 0);
      if (pairs < n && load<f64>(column + (<usize>pairs << 3)) <= radius) even += real(masked, pairs);
      const reduced = real(costs, j) - (even + f64x2.extract_lane(sums, 1));
      if (s == OPEN || reduced < 0) {
        store<u8>(chosen + <usize>j, 1);
        bound += reduced;
      }
    }
    const recorded = recordCoverStep(progress, bound, chosen, chosenOut, latestOut, m, iteration, upperBound, hasTarget);
    if ((recorded & IMPROVED) != 0) improved = 1;
    if ((recorded & STOP) != 0) break;
    // Cover counts as f64 lanes: each chosen site adds 1.0 where it covers a required demand.
    for (let i = 0; i < n; i++) setReal(coverCount, i, 0);
    for (let j = 0; j < m; j++) {
      if (byte(chosen, j) == 0) continue;
      const column = distance + ((<usize>j * <usize>n) << 3);
      for (let i = 0; i < pairs; i += 2) {
        const offset = <usize>i << 3;
        const within = f64x2.le(v128.load(column + offset), radiusSplat);
        v128.store(coverCount + offset, f64x2.add(v128.load(coverCount + offset), v128.and(v128.load(required + offset), within)));
      }
      if (pairs < n && load<f64>(column + (<usize>pairs << 3)) <= radius) setReal(coverCount, pairs, real(coverCount, pairs) + real(required, pairs));
    }
    if (!stepMultipliers(requirement, coverCount, multipliers, n, progress, bound, upperBound, hasTarget)) break;
  }
  release(masked); release(coverCount); release(chosen);
  return improved;
}

// "Can at most k sites cover these demands?" by branching on demands, the twin of
// src/kernel/twin/placement/cover-decision.ts node for node: branch on the uncovered demand with
// the fewest available sites, try those sites most-covering first (each excluded from its later
// siblings), prune when open sites plus pairwise independent uncovered demands exceed k. A node
// budget, not a clock, bounds the search, so kernel and twin stop at the same node.

import { allocate, release } from "../allocator";
import { byte, int, setByte, setInt } from "./arrays";

export const COVER_FOUND_NONE: i32 = -2;
export const COVER_BUDGET_SPENT: i32 = -3;

// The search state, shared by the recursion (the kernel is single-threaded and not re-entered).
let coverStart: usize = 0;
let coverDemands: usize = 0;
let byDemandStart: usize = 0;
let byDemand: usize = 0;
let needed: usize = 0;
let fixed: usize = 0;
let allowed: usize = 0;
let coveredBy: usize = 0;
let excluded: usize = 0;
let marked: usize = 0;
let openSites: usize = 0;
let demandCount: i32 = 0;
let siteCount: i32 = 0;
let budget: i32 = 0;
let siteLimit: i32 = 0;
let openCount: i32 = 0;
let uncovered: i32 = 0;
let nodes: i32 = 0;
let aborted: bool = false;
let outOfMemory: bool = false;

@inline function available(j: i32): bool {
  return byte(allowed, j) != 0 && byte(excluded, j) == 0 && byte(fixed, j) == 0;
}

function openSite(j: i32, sign: i32): void {
  for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
    const i = int(coverDemands, t);
    if (byte(needed, i) == 0) continue;
    const before = int(coveredBy, i);
    setInt(coveredBy, i, before + sign);
    if (sign == 1 && before == 0) uncovered--;
    if (sign == -1 && before == 1) uncovered++;
  }
}

function coverOptions(i: i32): i32 {
  let count = 0;
  for (let t = int(byDemandStart, i); t < int(byDemandStart, i + 1); t++) if (available(int(byDemand, t))) count++;
  return count;
}

function search(): bool {
  if (uncovered == 0) return true;
  if (openCount >= siteLimit) return false;
  if (++nodes > budget) {
    aborted = true;
    return false;
  }
  const n = demandCount;
  const m = siteCount;
  // order: uncovered demands by (options, index), via counting sort on the options count.
  const order = allocate(<usize>max(n, 1) << 2);
  const sorted = allocate(<usize>max(n, 1) << 2);
  const optionCount = allocate(<usize>max(n, 1) << 2);
  const bucketStart = allocate(<usize>(m + 2) << 2);
  const touched = allocate(<usize>max(m, 1) << 2);
  const options = allocate(<usize>max(m, 1) << 2);
  const gains = allocate(<usize>max(m, 1) << 2);
  const excludedHere = allocate(<usize>max(m, 1) << 2);
  if (order == 0 || sorted == 0 || optionCount == 0 || bucketStart == 0 || touched == 0 || options == 0 || gains == 0 || excludedHere == 0) {
    release(excludedHere); release(gains); release(options); release(touched); release(bucketStart); release(optionCount); release(sorted); release(order);
    outOfMemory = true;
    aborted = true;
    return false;
  }
  let found = false;
  let branchDemand = -1;
  let fewest = i32.MAX_VALUE;
  let orderCount = 0;
  let dead = false;
  for (let i = 0; i < n && !dead; i++) {
    if (byte(needed, i) == 0 || int(coveredBy, i) > 0) continue;
    const count = coverOptions(i);
    if (count == 0) dead = true;
    setInt(optionCount, i, count);
    setInt(order, orderCount++, i);
    if (count < fewest) {
      fewest = count;
      branchDemand = i;
    }
  }
  if (!dead) {
    for (let b = 0; b <= m + 1; b++) setInt(bucketStart, b, 0);
    for (let s = 0; s < orderCount; s++) {
      const c = int(optionCount, int(order, s));
      setInt(bucketStart, c + 1, int(bucketStart, c + 1) + 1);
    }
    for (let b = 0; b <= m; b++) setInt(bucketStart, b + 1, int(bucketStart, b + 1) + int(bucketStart, b));
    for (let s = 0; s < orderCount; s++) {
      const i = int(order, s);
      const c = int(optionCount, i);
      const slot = int(bucketStart, c);
      setInt(bucketStart, c, slot + 1);
      setInt(sorted, slot, i);
    }
    let independent = 0;
    let touchedCount = 0;
    for (let s = 0; s < orderCount; s++) {
      const i = int(sorted, s);
      let free = true;
      for (let t = int(byDemandStart, i); t < int(byDemandStart, i + 1) && free; t++) if (byte(marked, int(byDemand, t)) != 0) free = false;
      if (!free) continue;
      independent++;
      for (let t = int(byDemandStart, i); t < int(byDemandStart, i + 1); t++) {
        const j = int(byDemand, t);
        setByte(marked, j, 1);
        setInt(touched, touchedCount++, j);
      }
    }
    for (let s = 0; s < touchedCount; s++) setByte(marked, int(touched, s), 0);
    if (openCount + independent <= siteLimit) {
      // Sites covering the branch demand, most newly covered first, lower index on ties.
      let optionTotal = 0;
      for (let t = int(byDemandStart, branchDemand); t < int(byDemandStart, branchDemand + 1); t++) {
        const j = int(byDemand, t);
        if (!available(j)) continue;
        let gain = 0;
        for (let q = int(coverStart, j); q < int(coverStart, j + 1); q++) {
          const i = int(coverDemands, q);
          if (byte(needed, i) != 0 && int(coveredBy, i) == 0) gain++;
        }
        let slot = optionTotal++;
        while (slot > 0) {
          const previous = int(options, slot - 1);
          const previousGain = int(gains, slot - 1);
          if (previousGain > gain || (previousGain == gain && previous < j)) break;
          setInt(options, slot, previous);
          setInt(gains, slot, previousGain);
          slot--;
        }
        setInt(options, slot, j);
        setInt(gains, slot, gain);
      }
      let excludedCount = 0;
      for (let s = 0; s < optionTotal; s++) {
        const j = int(options, s);
        setInt(openSites, openCount++, j);
        openSite(j, 1);
        found = search();
        if (found || aborted) break;
        openSite(j, -1);
        openCount--;
        setByte(excluded, j, 1);
        setInt(excludedHere, excludedCount++, j);
      }
      for (let s = 0; s < excludedCount; s++) setByte(excluded, int(excludedHere, s), 0);
    }
  }
  release(excludedHere); release(gains); release(options); release(touched); release(bucketStart); release(optionCount); release(sorted); release(order);
  return found;
}

/**
 * Decides whether at most k sites (fixed ones included) cover every needed demand, visiting at
 * most `nodeBudget` nodes. Writes the cover ascending to outSites and returns its size; returns
 * COVER_FOUND_NONE when none exists, COVER_BUDGET_SPENT when the budget ran out, -1 without memory.
 */
export function coverDecision(
  starts: usize, demands: usize, n: i32, m: i32, neededFlags: usize, fixedFlags: usize, allowedFlags: usize,
  k: i32, nodeBudget: i32, outSites: usize,
): i32 {
  coverStart = starts;
  coverDemands = demands;
  needed = neededFlags;
  fixed = fixedFlags;
  allowed = allowedFlags;
  demandCount = n;
  siteCount = m;
  budget = nodeBudget;
  siteLimit = k;
  const edges = int(starts, m);
  byDemandStart = allocate(<usize>(n + 1) << 2);
  byDemand = allocate(<usize>max(edges, 1) << 2);
  coveredBy = allocate(<usize>max(n, 1) << 2);
  excluded = allocate(<usize>max(m, 1));
  marked = allocate(<usize>max(m, 1));
  openSites = allocate(<usize>max(m, 1) << 2);
  const fill = allocate(<usize>max(n, 1) << 2);
  if (byDemandStart == 0 || byDemand == 0 || coveredBy == 0 || excluded == 0 || marked == 0 || openSites == 0 || fill == 0) {
    release(fill); release(openSites); release(marked); release(excluded); release(coveredBy); release(byDemand); release(byDemandStart);
    return -1;
  }
  for (let i = 0; i <= n; i++) setInt(byDemandStart, i, 0);
  for (let t = 0; t < edges; t++) {
    const i = int(demands, t);
    setInt(byDemandStart, i + 1, int(byDemandStart, i + 1) + 1);
  }
  for (let i = 0; i < n; i++) setInt(byDemandStart, i + 1, int(byDemandStart, i + 1) + int(byDemandStart, i));
  for (let i = 0; i < n; i++) {
    setInt(fill, i, int(byDemandStart, i));
    setInt(coveredBy, i, 0);
  }
  for (let j = 0; j < m; j++) {
    for (let t = int(starts, j); t < int(starts, j + 1); t++) {
      const i = int(demands, t);
      const slot = int(fill, i);
      setInt(fill, i, slot + 1);
      setInt(byDemand, slot, j);
    }
  }
  memory.fill(excluded, 0, <usize>m);
  memory.fill(marked, 0, <usize>m);
  uncovered = 0;
  for (let i = 0; i < n; i++) if (byte(needed, i) != 0) uncovered++;
  openCount = 0;
  for (let j = 0; j < m; j++) {
    if (byte(fixed, j) == 0) continue;
    setInt(openSites, openCount++, j);
    openSite(j, 1);
  }
  nodes = 0;
  aborted = false;
  outOfMemory = false;
  let result = COVER_FOUND_NONE;
  if (openCount <= k) {
    const found = search();
    if (found) {
      // Ascending, as the twin returns.
      memory.fill(excluded, 0, <usize>m);
      for (let s = 0; s < openCount; s++) setByte(excluded, int(openSites, s), 1);
      let written = 0;
      for (let j = 0; j < m; j++) if (byte(excluded, j) != 0) setInt(outSites, written++, j);
      result = written;
    } else if (outOfMemory) {
      result = -1;
    } else if (aborted) {
      result = COVER_BUDGET_SPENT;
    }
  }
  release(fill); release(openSites); release(marked); release(excluded); release(coveredBy); release(byDemand); release(byDemandStart);
  return result;
}

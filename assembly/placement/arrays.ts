// Typed access to kernel memory and the bookkeeping every subgradient kernel shares. Site
// statuses: 0 free, 1 forced open, 2 forced closed. Progress records hold
// [best bound, step scale, steps since improvement, stopped] across calls.

export const OPEN: u8 = 1;
export const CLOSED: u8 = 2;

export const PROGRESS_BEST = 0;
export const PROGRESS_STEP_SCALE = 1;
export const PROGRESS_SINCE_IMPROVEMENT = 2;
export const PROGRESS_STOPPED = 3;
/** Steps without a better bound before the step scale halves. */
const PATIENCE: f64 = 20;

@inline export function int(base: usize, index: i32): i32 {
  return load<i32>(base + (<usize>index << 2));
}
@inline export function setInt(base: usize, index: i32, value: i32): void {
  store<i32>(base + (<usize>index << 2), value);
}
@inline export function real(base: usize, index: i32): f64 {
  return load<f64>(base + (<usize>index << 3));
}
@inline export function setReal(base: usize, index: i32, value: f64): void {
  store<f64>(base + (<usize>index << 3), value);
}
@inline export function byte(base: usize, index: i32): u8 {
  return load<u8>(base + <usize>index);
}
@inline export function setByte(base: usize, index: i32, value: u8): void {
  store<u8>(base + <usize>index, value);
}

/**
 * Records one step's bound: a better one (greater, or smaller when `minimise`) becomes the best
 * and resets the patience count; otherwise the count grows and, at PATIENCE, the step scale
 * halves. Returns whether the bound improved.
 */
export function recordStep(progress: usize, bound: f64, minimise: bool): bool {
  const best = real(progress, PROGRESS_BEST);
  if (minimise ? bound < best : bound > best) {
    setReal(progress, PROGRESS_BEST, bound);
    setReal(progress, PROGRESS_SINCE_IMPROVEMENT, 0);
    return true;
  }
  const since = real(progress, PROGRESS_SINCE_IMPROVEMENT) + 1;
  if (since >= PATIENCE) {
    setReal(progress, PROGRESS_STEP_SCALE, real(progress, PROGRESS_STEP_SCALE) / 2);
    setReal(progress, PROGRESS_SINCE_IMPROVEMENT, 0);
  } else {
    setReal(progress, PROGRESS_SINCE_IMPROVEMENT, since);
  }
  return false;
}

/** Whether the step scale has shrunk below any use. */
@inline export function stepExhausted(progress: usize): bool {
  return real(progress, PROGRESS_STEP_SCALE) < 1e-5;
}

/** Whether site a ranks worse than b: further from the chosen end, ties to the higher index. */
@inline function ranksWorse(value: usize, a: i32, b: i32, largest: bool): bool {
  const va = real(value, a);
  const vb = real(value, b);
  return (largest ? va < vb : va > vb) || (va == vb && a > b);
}

/**
 * Marks in `chosen` the `count` free sites (status 0) with the smallest value, or the largest when
 * `largest`, ties to the lower index: a heap of the best so far keeps its worst at the root. The
 * twins take the same set from a full sort.
 */
export function chooseExtreme(value: usize, status: usize, m: i32, count: i32, heap: usize, chosen: usize, largest: bool): void {
  let size = 0;
  for (let j = 0; j < m; j++) {
    if (byte(status, j) != 0) continue;
    if (size < count) {
      let slot = size++;
      while (slot > 0) {
        const parent = (slot - 1) >> 1;
        const above = int(heap, parent);
        if (!ranksWorse(value, j, above, largest)) break;
        setInt(heap, slot, above);
        slot = parent;
      }
      setInt(heap, slot, j);
    } else if (size > 0 && ranksWorse(value, int(heap, 0), j, largest)) {
      let slot = 0;
      for (;;) {
        let child = 2 * slot + 1;
        if (child >= size) break;
        const right = child + 1;
        if (right < size && ranksWorse(value, int(heap, right), int(heap, child), largest)) child = right;
        const below = int(heap, child);
        if (!ranksWorse(value, below, j, largest)) break;
        setInt(heap, slot, below);
        slot = child;
      }
      setInt(heap, slot, j);
    }
  }
  for (let s = 0; s < size; s++) setByte(chosen, int(heap, s), 1);
}

/** coverCount[i] (f64) = how many chosen sites' cover lists hold demand i. */
export function countCovers(coverStart: usize, coverDemands: usize, n: i32, m: i32, chosen: usize, coverCount: usize): void {
  for (let i = 0; i < n; i++) setReal(coverCount, i, 0);
  for (let j = 0; j < m; j++) {
    if (byte(chosen, j) == 0) continue;
    for (let t = int(coverStart, j); t < int(coverStart, j + 1); t++) {
      const i = int(coverDemands, t);
      setReal(coverCount, i, real(coverCount, i) + 1);
    }
  }
}

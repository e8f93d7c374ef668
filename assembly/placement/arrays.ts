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

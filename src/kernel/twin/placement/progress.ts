// Subgradient bookkeeping shared by the twins, as assembly/placement/arrays.ts shares it in the
// kernel: progress records hold [best bound, step scale, steps since improvement, stopped].

export const PROGRESS_BEST = 0;
export const PROGRESS_STEP_SCALE = 1;
export const PROGRESS_SINCE_IMPROVEMENT = 2;
export const PROGRESS_STOPPED = 3;
/** Steps without a better bound before the step scale halves. */
const PATIENCE = 20;

/** A fresh record: no bound yet (-Infinity when maximising the bound, +Infinity when minimising). */
export function newProgress(minimise = false): Float64Array {
  return Float64Array.of(minimise ? Infinity : -Infinity, 2, 0, 0);
}

/**
 * Records one step's bound: a better one (greater, or smaller when `minimise`) becomes the best
 * and resets the patience count; otherwise the count grows and, at PATIENCE, the step scale
 * halves. Returns whether the bound improved.
 */
export function recordStep(progress: Float64Array, bound: number, minimise: boolean): boolean {
  if (minimise ? bound < progress[PROGRESS_BEST] : bound > progress[PROGRESS_BEST]) {
    progress[PROGRESS_BEST] = bound;
    progress[PROGRESS_SINCE_IMPROVEMENT] = 0;
    return true;
  }
  if (++progress[PROGRESS_SINCE_IMPROVEMENT] >= PATIENCE) {
    progress[PROGRESS_STEP_SCALE] /= 2;
    progress[PROGRESS_SINCE_IMPROVEMENT] = 0;
  }
  return false;
}

export function stepExhausted(progress: Float64Array): boolean {
  return progress[PROGRESS_STEP_SCALE] < 1e-5;
}

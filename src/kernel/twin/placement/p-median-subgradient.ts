// TypeScript twin of the kernel's pMedianSubgradient (assembly/placement/p-median.ts): steps of
// the subgradient method on Beasley's Lagrangian bound for p-median. Relaxing "each demand is
// assigned once" with multipliers lambda leaves, per candidate j, rho_j = sum_i min(0, w_i d_ij -
// lambda_i); the bound is sum(lambda) + the k smallest rho (forced-open sites always counted).

import { CLOSED, FREE, OPEN } from './site-status.js';
import type { PlacementInstance } from './instance.js';
import { PROGRESS_BEST, PROGRESS_STEP_SCALE, PROGRESS_STOPPED, recordStep, stepExhausted } from './progress.js';


/**
 * Up to `iterations` subgradient steps on `lambda` (updated in place), the twin of the kernel's
 * pMedianSubgradient: same arithmetic in the same order, so both give the same bound bit for bit
 * (rho sums even and odd demands apart, as the kernel's two SIMD lanes do). Writes the sites of
 * the best relaxation into chosenOut; sets progress[PROGRESS_STOPPED] once the bound reaches
 * `upperBound` or the step has shrunk away. Returns whether the best bound improved.
 */
export function pMedianSubgradient(
  instance: PlacementInstance, status: Uint8Array, lambda: Float64Array, progress: Float64Array,
  upperBound: number, iterations: number, chosenOut: Uint8Array,
): boolean {
  const { demandCount: n, candidateCount: m, distance, weights, k } = instance;
  const rho = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const order: number[] = [];
  const chosenSites: number[] = [];
  const subgradient = new Float64Array(n);
  let improved = false;
  let forcedOpen = 0;
  for (let j = 0; j < m; j++) if (status[j] === OPEN) forcedOpen++;
  const toChoose = k - forcedOpen;
  const pairs = n - (n % 2);
  for (let iteration = 0; iteration < iterations && progress[PROGRESS_STOPPED] === 0; iteration++) {
    let lambdaSum = 0;
    for (let i = 0; i < n; i++) lambdaSum += lambda[i];
    order.length = 0;
    for (let j = 0; j < m; j++) {
      if (status[j] === CLOSED) continue;
      const base = j * n;
      let even = 0;
      let odd = 0;
      for (let i = 0; i < pairs; i += 2) {
        const reducedEven = weights[i] * distance[base + i] - lambda[i];
        const reducedOdd = weights[i + 1] * distance[base + i + 1] - lambda[i + 1];
        even += reducedEven < 0 ? reducedEven : 0;
        odd += reducedOdd < 0 ? reducedOdd : 0;
      }
      let value = even + odd;
      if (pairs < n) {
        const reduced = weights[pairs] * distance[base + pairs] - lambda[pairs];
        if (reduced < 0) value += reduced;
      }
      rho[j] = value;
      if (status[j] === FREE) order.push(j);
    }
    if (toChoose < 0 || order.length < toChoose) {
      progress[PROGRESS_BEST] = Infinity;
      progress[PROGRESS_STOPPED] = 1;
      return true;
    }
    order.sort((a, b) => rho[a] - rho[b] || a - b);
    chosen.fill(0);
    for (let j = 0; j < m; j++) if (status[j] === OPEN) chosen[j] = 1;
    for (let t = 0; t < toChoose; t++) chosen[order[t]] = 1;
    let bound = lambdaSum;
    for (let j = 0; j < m; j++) if (chosen[j]) bound += rho[j];
    if (recordStep(progress, bound, false)) {
      chosenOut.set(chosen);
      improved = true;
    }
    if (progress[PROGRESS_BEST] >= upperBound - 1e-9 * Math.max(1, Math.abs(upperBound)) || stepExhausted(progress)) {
      progress[PROGRESS_STOPPED] = 1;
      break;
    }
    chosenSites.length = 0;
    for (let j = 0; j < m; j++) if (chosen[j]) chosenSites.push(j);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let assigned = 0;
      for (const j of chosenSites) if (weights[i] * distance[j * n + i] < lambda[i]) assigned++;
      subgradient[i] = 1 - assigned;
      norm += subgradient[i] * subgradient[i];
    }
    if (norm === 0) {
      // Every demand assigned exactly once: the relaxation is solved exactly.
      progress[PROGRESS_STOPPED] = 1;
      break;
    }
    const step = (progress[PROGRESS_STEP_SCALE] * (upperBound - bound)) / norm;
    for (let i = 0; i < n; i++) {
      const next = lambda[i] + step * subgradient[i];
      lambda[i] = next > 0 ? next : 0;
    }
  }
  return improved;
}


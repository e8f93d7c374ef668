// Scores a set of open sites exactly as the result reports it: every demand's nearest open site
// (ties to the lowest index), then the objective from the true latencies, Infinity included.

import { nearestOfSet } from '../kernel/nearest-of-set.js';
import type { KernelName } from '../kernel/packed-graph.js';
import type { NormalizedProblem } from './problem.js';

export interface Evaluation {
  readonly objective: number;
  /** Demand -> nearest open candidate, -1 when none is reachable. */
  readonly assignment: Int32Array;
  readonly nearestMs: Float64Array;
}

export function evaluateSites(problem: NormalizedProblem, sites: readonly number[], kernel: KernelName): Evaluation {
  const { demandCount: n, weights, costs, sloMs } = problem;
  // nearestOfSet breaks ties by set order: ascending sites give the lowest index.
  const ordered = Int32Array.from([...sites].sort((a, b) => a - b));
  const { valueMs: nearestMs, column: assignment } = nearestOfSet(problem.candidateMajor, n, ordered, kernel, 'solvePlacement');
  let objective = 0;
  switch (problem.objective) {
    case 'p-median':
      for (let i = 0; i < n; i++) if (weights[i] > 0) objective += weights[i] * nearestMs[i];
      break;
    case 'p-center':
      for (let i = 0; i < n; i++) if (weights[i] > 0 && nearestMs[i] > objective) objective = nearestMs[i];
      break;
    case 'max-coverage':
      for (let i = 0; i < n; i++) if (nearestMs[i] <= sloMs) objective += weights[i];
      break;
    case 'set-cover':
      for (const j of sites) objective += costs[j];
      break;
  }
  return { objective, assignment, nearestMs };
}

// Scores a set of open sites exactly as the result reports it: every demand's nearest open site
// (ties to the lowest index), the objective from the true latencies over the demands served, and
// which demands the sites leave unserved.

import { nearestOfSet } from '../kernel/nearest-of-set.js';
import type { KernelName } from '../kernel/packed-graph.js';
import type { NormalizedProblem } from './problem.js';

export interface Evaluation {
  readonly objective: number;
  /** Demand -> nearest open candidate, -1 when none is reachable. */
  readonly assignment: Int32Array;
  readonly nearestMs: Float64Array;
  /**
   * Demands the sites do not serve: none reaches them, or, for coverage objectives, none within
   * the SLO (set-cover: fewer than coverTimes sites within it). Ascending.
   */
  readonly unserved: number[];
}

/** Scores `sites`; demands in `excluded` (those no allowed site can serve) stay out of the objective. */
export function evaluateSites(problem: NormalizedProblem, sites: readonly number[], kernel: KernelName, excluded: readonly number[] = []): Evaluation {
  const { demandCount: n, weights, costs, sloMs, candidateMajor, coverTimes } = problem;
  const counted = Uint8Array.from(weights, (w) => (w > 0 ? 1 : 0));
  for (const i of excluded) counted[i] = 0;
  // nearestOfSet breaks ties by set order: ascending sites give the lowest index.
  const ordered = Int32Array.from([...sites].sort((a, b) => a - b));
  const { valueMs: nearestMs, column: assignment } = nearestOfSet(problem.candidateMajor, n, ordered, kernel);
  let objective = 0;
  switch (problem.objective) {
    case 'p-median':
      for (let i = 0; i < n; i++) if (counted[i]) objective += weights[i] * nearestMs[i];
      break;
    case 'p-center':
      for (let i = 0; i < n; i++) if (counted[i] && nearestMs[i] > objective) objective = nearestMs[i];
      break;
    case 'max-coverage':
      for (let i = 0; i < n; i++) if (nearestMs[i] <= sloMs) objective += weights[i];
      break;
    case 'set-cover':
      for (const j of sites) objective += costs[j];
      break;
  }
  const unserved: number[] = [];
  for (let i = 0; i < n; i++) {
    if (problem.objective === 'set-cover') {
      let within = 0;
      for (const j of sites) if (candidateMajor[j * n + i] <= sloMs) within++;
      if (within < coverTimes) unserved.push(i);
    } else if (!(nearestMs[i] <= sloMs && nearestMs[i] < Infinity)) {
      unserved.push(i);
    }
  }
  return { objective, assignment, nearestMs, unserved };
}

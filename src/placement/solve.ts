// solvePlacement: validates the problem, explains what no plan can fix (demands no allowed site
// reaches, budgets below the fixed sites), runs the objective's solver and reports the plan with
// its proven bound. 'optimal' is said only when the bound meets the objective.

import { publicEntry } from '../errors.js';
import { type PlacementInstance, unreachablePenalty, withPenalty } from '../kernel/twin/placement/instance.js';
import { createPMedianKernel, type PMedianKernel } from '../kernel/p-median-kernel.js';
import { evaluateSites } from './evaluate.js';
import { type NormalizedProblem, normalizeProblem, type PlacementProblem } from './problem.js';
import { type SearchOutcome, solvePMedian } from './solve-p-median.js';
import { solveMaxCoverage } from './solve-max-coverage.js';
import { solvePCenter } from './solve-p-center.js';
import { solveSetCover } from './solve-set-cover.js';

/**
 * 'optimal': proven; 'feasible': a plan that meets the problem, not proven best; 'infeasible': no
 * plan can meet it (the result serves what can be served); 'unknown': the search stopped before
 * finding any plan or proving there is none.
 */
export type PlacementStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

/**
 * How the search went.
 * @inline
 */
export interface SearchStatistics {
  /** Branch-and-bound nodes, or for p-center the radius decisions. */
  readonly nodes: number;
  /** Wall-clock milliseconds the solve took. */
  readonly elapsedMs: number;
  /** Whether the search stopped at timeLimitMs rather than finishing. */
  readonly stoppedAtTimeLimit: boolean;
}

/** A placement with its proven bound, what it leaves unserved, and why it is or is not optimal. */
export interface PlacementResult {
  /** Whether the plan is proven optimal, feasible, or infeasible, or the search found none. */
  readonly status: PlacementStatus;
  /** Chosen candidate indices, ascending. */
  readonly sites: number[];
  /**
   * Weighted latency sum, worst latency, covered weight or total cost, by objective; over the
   * demands some allowed site can serve (those in `uncovered` are left out).
   */
  readonly objective: number;
  /** A proven bound on the optimum: lower for minimising objectives, upper for max-coverage. */
  readonly lowerBound: number | null;
  /** Demand -> nearest chosen candidate (-1 when none reaches it). */
  readonly assignment: Int32Array;
  /** Demands no allowed site can serve (within the SLO, when one is given). */
  readonly uncovered: number[];
  /** For each entry of `uncovered`, the best latency any allowed site reaches (Infinity if none). */
  readonly uncoveredBestMs: number[];
  /**
   * Demands this plan leaves unserved: `uncovered` plus any the chosen sites miss (for
   * max-coverage, those beyond the SLO). Ascending.
   */
  readonly unserved: number[];
  /** Each demand's latency to its assigned site (Infinity when no chosen site reaches it). */
  readonly demandLatencyMs: Float64Array;
  /** Search nodes, time taken, and whether the time limit stopped it. */
  readonly statistics: SearchStatistics;
  /** Why the plan is infeasible or not proven optimal; empty when optimal. */
  readonly explanation: string;
}

interface Reachability {
  readonly uncovered: number[];
  readonly uncoveredBestMs: number[];
}

/** Demands (of weight > 0) that no allowed site can serve: unreachable, beyond the SLO, or short of coverTimes sites. */
function reachability(problem: NormalizedProblem): Reachability {
  const { demandCount: n, candidateCount: m, candidateMajor, forbidden, sloMs, coverTimes } = problem;
  const uncovered: number[] = [];
  const uncoveredBestMs: number[] = [];
  for (let i = 0; i < n; i++) {
    // A demand of zero weight asks for nothing: none is counted as left uncovered.
    if (problem.weights[i] === 0) continue;
    let best = Infinity;
    let within = 0;
    for (let j = 0; j < m; j++) {
      if (forbidden[j]) continue;
      const d = candidateMajor[j * n + i];
      if (d < best) best = d;
      if (d <= sloMs && d < Infinity) within++;
    }
    const required = problem.objective === 'set-cover' ? coverTimes : 1;
    if (within < required) {
      uncovered.push(i);
      uncoveredBestMs.push(best);
    }
  }
  return { uncovered, uncoveredBestMs };
}

function instanceOf(problem: NormalizedProblem, ignored: readonly number[]): PlacementInstance {
  const weights = Float64Array.from(problem.weights);
  for (const i of ignored) weights[i] = 0;
  const unreachableMs = unreachablePenalty(problem.candidateMajor, weights);
  const allowed = Uint8Array.from(problem.forbidden, (f) => 1 - f);
  return {
    demandCount: problem.demandCount, candidateCount: problem.candidateCount,
    distance: withPenalty(problem.candidateMajor, unreachableMs), weights, fixed: problem.fixed, allowed, k: problem.k, unreachableMs,
  };
}

/**
 * A p-center cover may need fewer than k sites; the rest are added greedily by weighted latency,
 * which keeps the worst case and lowers the mean.
 */
function fillToK(problem: NormalizedProblem, ignored: readonly number[], sites: number[]): number[] {
  const fixed = new Uint8Array(problem.candidateCount);
  for (const j of sites) fixed[j] = 1;
  return withPMedianKernel(problem, ignored, (pMedian) => Array.from(pMedian.greedy(fixed)));
}

function withPMedianKernel<T>(problem: NormalizedProblem, ignored: readonly number[], use: (kernel: PMedianKernel) => T): T {
  const pMedian = createPMedianKernel(instanceOf(problem, ignored), problem.kernel);
  try {
    return use(pMedian);
  } finally {
    pMedian.dispose();
  }
}

function countOf(mask: Uint8Array): number {
  let count = 0;
  for (const flag of mask) count += flag;
  return count;
}

/**
 * Solves a matrix-level placement problem (see PlacementProblem): p-median, p-center,
 * max-coverage or set cover. Heuristics find a first plan; Lagrangian bounds and branch and bound
 * (for p-center, on cover decisions over the candidate radii) prove it, on the WebAssembly kernel.
 * Returns the best plan found within `timeLimitMs` with a proven bound; `status` is 'optimal' only
 * when the bound meets the objective. Demands no allowed site can serve are reported in
 * `uncovered`, not silently dropped.
 *
 * @throws {@link InvalidArgumentError} naming the field at fault (`problem.k`, `problem.latencyMs[3][1]`, ...)
 * @throws {@link CapacityError} when the matrix cannot fit in WebAssembly memory
 * @example
 * ```ts
 * import { solvePlacement } from 'geoslo/placement';
 *
 * // 4 demands x 3 candidate sites, RTT in ms.
 * const latencyMs = [
 *   [10, 80, 120],
 *   [15, 60, 110],
 *   [90, 12, 70],
 *   [130, 75, 8],
 * ];
 * const twoSites = solvePlacement({ latencyMs, objective: 'p-median', k: 2 });
 * twoSites.sites; // [0, 2]: the chosen candidates
 * const fewest = solvePlacement({ latencyMs, objective: 'set-cover', sloMs: 50 });
 * fewest.sites; // [0, 1, 2]: every demand within 50 ms
 * ```
 */
export function solvePlacement(problem: PlacementProblem): PlacementResult {
  return publicEntry('solvePlacement', () => {
    const normalized = normalizeProblem(problem);
    const { kernel } = normalized;
    const started = performance.now();
    const deadline = started + normalized.timeLimitMs;
    const { uncovered, uncoveredBestMs } = reachability(normalized);
    const fixedCount = countOf(normalized.fixed);
    const allowedCount = normalized.candidateCount - countOf(normalized.forbidden);
    const reasons: string[] = [];
    if (normalized.objective !== 'set-cover') {
      if (normalized.k < fixedCount) reasons.push(`k = ${normalized.k} is below the ${fixedCount} fixed sites`);
      if (normalized.k > allowedCount) reasons.push(`k = ${normalized.k} exceeds the ${allowedCount} candidates not forbidden`);
    }
    if (uncovered.length > 0 && normalized.objective !== 'max-coverage') {
      reasons.push(normalized.objective === 'set-cover'
        ? `${uncovered.length} demand(s) have fewer than ${normalized.coverTimes} allowed site(s) within ${normalized.sloMs} ms`
        : `${uncovered.length} demand(s) are unreachable from every allowed site`);
    }
    if (normalized.objective !== 'set-cover' && (normalized.k < fixedCount || normalized.k > allowedCount)) {
      const sites = Array.from({ length: normalized.candidateCount }, (_, j) => j).filter((j) => normalized.fixed[j]);
      const evaluation = evaluateSites(normalized, sites, kernel, uncovered);
      return {
        status: 'infeasible', sites, objective: evaluation.objective, lowerBound: null, assignment: evaluation.assignment,
        uncovered, uncoveredBestMs, unserved: evaluation.unserved, demandLatencyMs: evaluation.nearestMs,
        statistics: { nodes: 0, elapsedMs: performance.now() - started, stoppedAtTimeLimit: false }, explanation: `${reasons.join('; ')}.`,
      };
    }

    let outcome: SearchOutcome | undefined;
    switch (normalized.objective) {
      case 'p-median':
        outcome = withPMedianKernel(normalized, uncovered, (pMedian) => solvePMedian(pMedian, normalized.seed, normalized.integral, deadline));
        break;
      case 'p-center':
        outcome = solvePCenter(normalized, uncovered, deadline);
        break;
      case 'set-cover':
        outcome = solveSetCover(normalized, uncovered, deadline);
        break;
      case 'max-coverage':
        outcome = solveMaxCoverage(normalized, deadline);
        break;
    }
    if (!outcome) throw new Error(`unknown objective ${normalized.objective as string}`);
    let sites = Array.from(outcome.sites).sort((a, b) => a - b);
    if (normalized.objective === 'p-center' && sites.length < normalized.k && normalized.k <= allowedCount) {
      sites = fillToK(normalized, uncovered, sites);
    }
    let evaluation = evaluateSites(normalized, sites, kernel, uncovered);
    // k sites (with the fixed ones) may reach fewer demands than all allowed sites do; the search
    // leaves as few unreached as it can, and those join the uncovered outside the objective.
    const unreached = normalized.objective === 'p-median' || normalized.objective === 'p-center'
      ? evaluation.unserved.filter((i) => normalized.weights[i] > 0 && !uncovered.includes(i)) : [];
    if (unreached.length > 0) {
      evaluation = evaluateSites(normalized, sites, kernel, [...uncovered, ...unreached]);
      if (outcome.proven) reasons.push(`no ${normalized.k} allowed sites (the fixed ones among them) reach every demand: ${unreached.length} left unserved`);
    }
    const elapsedMs = performance.now() - started;
    // A search that proves no plan meets the problem (no k sites cover every demand at any radius).
    if (outcome.proven && !Number.isFinite(outcome.cost)) reasons.push(`no ${normalized.k} allowed sites serve every demand`);
    const infeasible = reasons.length > 0;
    // No plan found and none proven impossible (p-center's largest radius undecided in time).
    const unknown = !infeasible && !outcome.proven && !Number.isFinite(outcome.cost);
    const status: PlacementStatus = infeasible ? 'infeasible' : unknown ? 'unknown' : outcome.proven && Number.isFinite(evaluation.objective) ? 'optimal' : 'feasible';
    const explanation = infeasible
      ? `${reasons.join('; ')}: the plan serves the other demands.`
      : unknown ? `stopped at the ${normalized.timeLimitMs} ms time limit before finding a plan or proving there is none; raise timeLimitMs.`
        : status === 'optimal' ? '' : `stopped at the ${normalized.timeLimitMs} ms time limit; the optimum lies between the bound and the objective.`;
    return {
      status, sites, objective: evaluation.objective, lowerBound: infeasible || unknown ? null : outcome.bound, assignment: evaluation.assignment,
      uncovered, uncoveredBestMs, unserved: evaluation.unserved, demandLatencyMs: evaluation.nearestMs,
      statistics: { nodes: outcome.nodes, elapsedMs, stoppedAtTimeLimit: !outcome.proven && performance.now() >= deadline },
      explanation,
    };
  });
}

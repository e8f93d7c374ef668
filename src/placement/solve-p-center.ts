// p-center: the least radius r such that k sites serve every demand within r. The optimum is one of
// the distinct latencies, so the search runs over them: greedy covers find a feasible radius fast,
// then each smaller radius is decided exactly by branch and bound on "a cover with <= k sites",
// bisecting between the largest radius proven infeasible and the smallest proven feasible.
// Radii are decided on growing subsets of the demands.

import { decideCoverWith } from '../kernel/cover-decision-kernel.js';
import type { CoverDecision } from '../kernel/twin/placement/cover-decision.js';
import { type CoverKernel, createCoverKernel } from '../kernel/cover-kernel.js';
import { createCoverageKernel } from '../kernel/coverage-kernel.js';
import { type CoverageInstance, coveredWeight } from '../kernel/twin/placement/max-coverage.js';
import { type CoverInstance, coverInstance } from '../kernel/twin/placement/set-cover.js';
import { coverLagrangian, initialCoverMultipliers } from './cover-bound.js';
import type { NormalizedProblem } from './problem.js';
import type { SearchOutcome } from './solve-p-median.js';

type Decision = CoverDecision;

const BOUND_ITERATIONS = 1500;
const TABU_STEPS = 400;
const TABU_TENURE = 7;
const INITIAL_NODE_BUDGET = 4096;
/** Node budgets are i32 in the kernel. */
const MAX_NODE_BUDGET = 2 ** 30;

export function solvePCenter(problem: NormalizedProblem, ignored: readonly number[], deadline: number): SearchOutcome {
  const { demandCount: n, candidateCount: m, candidateMajor, weights, fixed, forbidden, k } = problem;
  const requirement = Int32Array.from({ length: n }, (_, i) => (weights[i] > 0 ? 1 : 0));
  for (const i of ignored) requirement[i] = 0;
  const allowed = Uint8Array.from(forbidden, (f) => 1 - f);
  const unitCosts = new Float64Array(m).fill(1);
  let requiredCount = 0;
  for (const need of requirement) if (need > 0) requiredCount++;
  const withCoverKernel = <T>(instance: CoverInstance, use: (cover: CoverKernel) => T, radius?: number): T => {
    const dense = radius === undefined ? undefined : { candidateMajor, radius };
    const cover = createCoverKernel(instance, problem.kernel, dense);
    try {
      return use(cover);
    } finally {
      cover.dispose();
    }
  };
  const startStatus = Uint8Array.from({ length: m }, (_, j) => (fixed[j] ? 1 : allowed[j] ? 0 : 2));

  // Every demand must reach some allowed site: no radius below the largest nearest latency works.
  let floorMs = 0;
  const radii = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (requirement[i] === 0) continue;
    let nearest = Infinity;
    for (let j = 0; j < m; j++) {
      if (!allowed[j]) continue;
      const d = candidateMajor[j * n + i];
      if (d < nearest) nearest = d;
      if (d !== Infinity) radii.add(d);
    }
    if (nearest > floorMs) floorMs = nearest;
  }
  const sorted = [...radii].filter((r) => r >= floorMs).sort((a, b) => a - b);
  if (sorted.length === 0) {
    const sites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => fixed[j]);
    return { sites, cost: 0, bound: 0, proven: true, nodes: 0 };
  }

  // Deciding a radius on a few demands first (Contardo, Iori & Kramer 2019): a cover of the subset
  // that misses some demand adds that demand and tries again; a subset no k sites cover proves the
  // whole radius infeasible. The subsets stay small, and so do the branch-and-bound trees.
  const sample = new Uint8Array(n);
  let decisions = 0;
  const decideSubset = (radius: number, until: number): Decision => {
    decisions++;
    const subsetRequirement = Int32Array.from(requirement, (need, i) => (sample[i] ? need : 0));
    const instance: CoverInstance = coverInstance(candidateMajor, n, m, radius, subsetRequirement, unitCosts, fixed, allowed);
    const greedy = withCoverKernel(instance, (cover) => cover.greedy(startStatus));
    if (greedy && greedy.length <= k) return { feasible: true, sites: greedy };
    const input = { ...instance, needed: Uint8Array.from(subsetRequirement, (need) => (need > 0 ? 1 : 0)), k };
    // Node budgets double until the search decides or time runs out: a budget, unlike a clock, can
    // be honoured inside the kernel and gives the same answer in wasm and twin.
    for (let budget = INITIAL_NODE_BUDGET; performance.now() < until; budget = Math.min(budget * 2, MAX_NODE_BUDGET)) {
      const decision = decideCoverWith(input, budget, problem.kernel);
      if (decision.feasible !== null) return decision;
    }
    return { feasible: null };
  };
  /** Greedy and Lagrangian-heuristic covers, and the Lagrangian bound: fast, but may not decide. */
  const decideQuickly = (radius: number): Decision => {
    decisions++;
    const full = coverInstance(candidateMajor, n, m, radius, requirement, unitCosts, fixed, allowed);
    return withCoverKernel(full, (cover): Decision => {
      const greedy = cover.greedy(startStatus);
      if (greedy && greedy.length <= k) return { feasible: true, sites: greedy };
      // The relaxation's sites, completed greedily and pruned, are often a cover with at most k
      // sites when the radius is feasible. Steps aimed just below k search for such covers; steps
      // aimed above k, warm-started, push the bound past k when the radius is infeasible.
      let found: Int32Array | null = null;
      const complete = (chosen: Uint8Array) => {
        const completed = cover.greedy(startStatus, chosen);
        if (completed && completed.length <= k) found = completed;
        return found !== null;
      };
      const multipliers = initialCoverMultipliers(full);
      const chosen = new Uint8Array(m);
      let bound = coverLagrangian(cover, startStatus, multipliers, k - 0.5, BOUND_ITERATIONS, chosen, complete, deadline);
      if (found) return { feasible: true, sites: found };
      if (Math.ceil(bound - 1e-9) <= k) bound = Math.max(bound, coverLagrangian(cover, startStatus, multipliers, k + 1, BOUND_ITERATIONS, chosen, complete, deadline));
      if (found) return { feasible: true, sites: found };
      if (Math.ceil(bound - 1e-9) > k) return { feasible: false };
      if (performance.now() >= deadline) return { feasible: null };
      // Last try: k sites covering the most demands (greedy, swaps, tabu search) may cover them all.
      const coverageInstance: CoverageInstance = { ...full, weights: Float64Array.from(requirement, (need) => (need > 0 ? 1 : 0)), k };
      const coverage = createCoverageKernel(coverageInstance, problem.kernel);
      try {
        const sites = coverage.tabu(coverage.swap(coverage.greedy(startStatus)), TABU_STEPS, TABU_TENURE, requiredCount);
        return coveredWeight(coverageInstance, sites) === requiredCount ? { feasible: true, sites } : { feasible: null };
      } finally {
        coverage.dispose();
      }
    }, radius);
  };
  /** Decides exactly (time permitting) on growing demand subsets. */
  const decideExactly = (radius: number, until: number): Decision => {
    for (;;) {
      const decision = decideSubset(radius, until);
      if (decision.feasible !== true) return decision;
      let missed = -1;
      let farthest = -1;
      for (let i = 0; i < n; i++) {
        if (requirement[i] === 0 || sample[i]) continue;
        let nearest = Infinity;
        for (const j of decision.sites) nearest = Math.min(nearest, candidateMajor[j * n + i]);
        if (nearest > radius && nearest > farthest) {
          farthest = nearest;
          missed = i;
        }
      }
      if (missed === -1) return decision;
      sample[missed] = 1;
    }
  };
  // The sample starts from the first demand that needs cover; decideExactly() grows it.
  for (let i = 0; i < n; i++) if (requirement[i] > 0) {
    sample[i] = 1;
    break;
  }

  // Phase 1, quick decisions only: bisect for the smallest radius a heuristic covers, noting the
  // largest radius the bound proves infeasible.
  let high = sorted.length - 1;
  const top = decideQuickly(sorted[high]);
  const topDecision = top.feasible === null ? decideExactly(sorted[high], deadline) : top;
  if (topDecision.feasible !== true) {
    // Even the largest radius admits no k-cover: the fixed sites alone exceed k, or k is too small.
    const sites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => fixed[j]);
    return { sites, cost: Infinity, bound: sorted[high], proven: topDecision.feasible === false, nodes: decisions };
  }
  let bestSites = topDecision.sites;
  const inTime = () => performance.now() < deadline;
  let low = -1; // largest index proven infeasible (or -1: none)
  let searchLow = -1;
  while (high - searchLow > 1 && inTime()) {
    const middle = (searchLow + high) >> 1;
    const decision = decideQuickly(sorted[middle]);
    if (decision.feasible === true) {
      high = middle;
      bestSites = decision.sites;
    } else {
      searchLow = middle;
      if (decision.feasible === false) low = Math.max(low, middle);
    }
  }
  // Phase 2 walks down from the best radius found: each step is one exact decision, and the first
  // radius proven infeasible proves the one above it optimal.
  let undecided = false;
  while (high - low > 1 && inTime()) {
    const next = high - 1;
    // Split what time remains: a hopeless proof must not starve the decisions after it.
    const remaining = deadline - performance.now();
    const decision = decideExactly(sorted[next], performance.now() + Math.max(remaining / 2, 0));
    if (decision.feasible === true) {
      high = next;
      bestSites = decision.sites;
    } else if (decision.feasible === false) {
      low = next;
    } else {
      undecided = true;
      break;
    }
  }
  if (undecided) {
    // Phase 3, for the bound: the largest radius below the undecided one that the Lagrangian bound
    // alone proves infeasible (bisection; infeasibility is monotone in the radius).
    let top = high - 1;
    while (top - low > 1 && inTime()) {
      const middle = (low + top) >> 1;
      if (decideQuickly(sorted[middle]).feasible === false) low = middle;
      else top = middle;
    }
  }
  return {
    sites: bestSites,
    cost: sorted[high],
    // Every radius up to the largest proven infeasible is infeasible: the optimum is at least the next.
    bound: sorted[low + 1],
    proven: high - low <= 1,
    nodes: decisions,
  };
}

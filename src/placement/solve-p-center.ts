// p-center: the least radius r such that k sites serve every demand within r. The optimum is one of
// the distinct latencies, so the search bisects over them, each radius decided exactly on a small,
// growing sample of the demands (Contardo, Iori & Kramer 2019): a packing-bound search, then branch
// and bound on the Lagrangian set-cover bound, over the sample's distinct cover sets. When a
// decision runs out of its share of time, heuristic covers (greedy, Lagrangian, tabu) and the
// Lagrangian bound on all demands narrow the range, and exact decisions resume on what is left.

import { decideCoverWith } from '../kernel/cover-decision-kernel.js';
import type { CoverDecision } from '../kernel/twin/placement/cover-decision.js';
import { type CoverKernel, createCoverKernel } from '../kernel/cover-kernel.js';
import { createCoverageKernel } from '../kernel/coverage-kernel.js';
import { nearestOfSetTwin } from '../kernel/twin/nearest-of-set.js';
import { type CoverageInstance, coveredWeight } from '../kernel/twin/placement/max-coverage.js';
import { type CoverInstance, coverInstance } from '../kernel/twin/placement/set-cover.js';
import { coverLagrangian, initialCoverMultipliers } from './cover-bound.js';
import type { NormalizedProblem } from './problem.js';
import { searchCover } from './solve-set-cover.js';
import { subsetCover } from './subset-cover.js';
import type { SearchOutcome } from './solve-p-median.js';

type Decision = CoverDecision;

const BOUND_ITERATIONS = 1500;
const TABU_STEPS = 400;
const TABU_TENURE = 7;
/** Missed demands added to the sample per round (at least; k / 8 for large k): a few at once saves rounds of re-deciding. */
const SAMPLE_GROWTH = 4;
/** Nodes the packing-bound search may spend before the Lagrangian branch and bound takes over. */
const PACKING_NODE_BUDGET = 4096;

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
  const fixedSites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => fixed[j]);
  if (sorted.length === 0) return { sites: fixedSites, cost: 0, bound: 0, proven: true, nodes: 0 };

  // Deciding a radius on a few demands first (Contardo, Iori & Kramer 2019): a cover of the subset
  // that misses some demand adds the farthest missed and tries again; a subset no k sites cover
  // proves the whole radius infeasible. The subset only grows, since it is a relaxation at every
  // radius, and the decisions on it stay small.
  const sample: number[] = [];
  const inSample = new Uint8Array(n);
  const addToSample = (i: number) => {
    inSample[i] = 1;
    sample.push(i);
  };
  let decisions = 0;
  const decideSubset = (radius: number, until: number): Decision => {
    decisions++;
    const reduced = subsetCover(candidateMajor, n, m, radius, sample, fixed, allowed, k);
    if (reduced.kind === 'covered') return { feasible: true, sites: fixedSites };
    if (reduced.kind === 'impossible') return { feasible: false };
    const toSites = (columns: Int32Array) => Int32Array.from([...fixedSites, ...Array.from(columns, (c) => reduced.siteOf[c])]).sort();
    // The packing-bound search settles most decisions within a small budget; what it cannot settle
    // goes to branch and bound on the Lagrangian bound of "fewest sites covering the sample", which
    // stays strong as k grows, stopping as soon as a cover with at most k sites turns up.
    const quick = decideCoverWith(reduced.input, PACKING_NODE_BUDGET, problem.kernel);
    if (quick.feasible === true) return { feasible: true, sites: toSites(quick.sites) };
    if (quick.feasible === false) return quick;
    const { input } = reduced;
    const instance: CoverInstance = {
      demandCount: input.demandCount, candidateCount: input.candidateCount, coverStart: input.coverStart, coverDemands: input.coverDemands,
      requirement: new Int32Array(input.demandCount).fill(1), costs: new Float64Array(input.candidateCount).fill(1), fixed: input.fixed, allowed: input.allowed,
    };
    return withCoverKernel(instance, (cover): Decision => {
      // No cover is wanted with more than k sites: k + 1 stands in as the incumbent to beat.
      const outcome = searchCover(cover, { sites: new Int32Array(0), cost: input.k + 1 }, true, until, input.k);
      if (outcome.cost <= input.k) return { feasible: true, sites: toSites(outcome.sites) };
      return outcome.proven ? { feasible: false } : { feasible: null };
    });
  };
  const radiusOf = (sites: Int32Array): number => {
    // The twin's loop, not the kernel's: the kernel would copy the whole matrix in for each call.
    const nearest = nearestOfSetTwin(candidateMajor, n, sites).valueMs;
    let worst = 0;
    for (let i = 0; i < n; i++) if (requirement[i] > 0 && nearest[i] > worst) worst = nearest[i];
    return worst;
  };
  /** Index in `sorted` of the largest radius <= ms (-1 when none). */
  const indexAtMost = (ms: number): number => {
    let low = -1;
    let high = sorted.length;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (sorted[middle] <= ms) low = middle;
      else high = middle;
    }
    return low;
  };
  /**
   * The least latency above `radius` from a sampled demand to an allowed site: until then the
   * sample's covers do not change, so an infeasible sample proves every radius below it infeasible.
   */
  const nextSampleRadius = (radius: number): number => {
    let next = Infinity;
    for (const i of sample) {
      for (let j = 0; j < m; j++) {
        const d = candidateMajor[j * n + i];
        if (allowed[j] && d > radius && d < next) next = d;
      }
    }
    return next;
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
  /**
   * Decides exactly (time permitting) on the growing demand subset. An infeasible answer comes
   * with the radius below which every radius is infeasible too: the sample's next latency.
   */
  const decideExactly = (radius: number, until: number): { decision: Decision; infeasibleBelow: number } => {
    for (;;) {
      const decision = decideSubset(radius, until);
      if (decision.feasible === false) return { decision, infeasibleBelow: nextSampleRadius(radius) };
      if (decision.feasible === null) return { decision, infeasibleBelow: -Infinity };
      const nearest = nearestOfSetTwin(candidateMajor, n, decision.sites).valueMs;
      const missed: number[] = [];
      for (let i = 0; i < n; i++) if (requirement[i] > 0 && !inSample[i] && nearest[i] > radius) missed.push(i);
      if (missed.length === 0) return { decision, infeasibleBelow: -Infinity };
      missed.sort((a, b) => nearest[b] - nearest[a] || a - b);
      for (const i of missed.slice(0, Math.max(SAMPLE_GROWTH, Math.ceil(k / 8)))) addToSample(i);
    }
  };
  // The sample starts from the first demand that needs cover; decideExactly() grows it.
  const first = requirement.findIndex((need) => need > 0);
  if (first !== -1) addToSample(first);

  let high = sorted.length - 1;
  const topDecision = decideExactly(sorted[high], deadline).decision;
  if (topDecision.feasible !== true) {
    // Even the largest radius admits no k-cover: the fixed sites alone exceed k, or k is too small.
    return { sites: fixedSites, cost: Infinity, bound: sorted[high], proven: topDecision.feasible === false, nodes: decisions };
  }
  let bestSites = topDecision.sites;
  /** A cover found at some radius may serve every demand closer still: its own radius is what counts. */
  const accept = (sites: Int32Array) => {
    bestSites = sites;
    high = indexAtMost(radiusOf(sites));
  };
  accept(bestSites);
  const inTime = () => performance.now() < deadline;
  let low = -1; // largest index proven infeasible (or -1: none)
  // Phase 1 bisects with exact decisions. An infeasible sample rules out every radius up to the
  // sample's next latency, so the lower end jumps as the upper end does.
  /** Exact bisection; returns false when a decision ran out of its share of the time. */
  const bisectExactly = (share: number): boolean => {
    while (high - low > 1 && inTime()) {
      const middle = (low + high) >> 1;
      const remaining = deadline - performance.now();
      const { decision, infeasibleBelow } = decideExactly(sorted[middle], performance.now() + Math.max(remaining * share, 0));
      if (decision.feasible === true) {
        accept(decision.sites);
      } else if (decision.feasible === false) {
        low = Math.max(low, Math.min(indexAtMost(infeasibleBelow) - 1, high - 1));
      } else {
        return false;
      }
    }
    return true;
  };
  // A decision gets half the time left, so a hopeless proof cannot starve the phases after it.
  if (!bisectExactly(0.5)) {
    // Phase 2, quick decisions over what is left: heuristic covers lower the upper end; a radius
    // they cannot cover may still be feasible, so the search moves up past it.
    let notCovered = low;
    while (high - notCovered > 1 && inTime()) {
      const middle = (notCovered + high) >> 1;
      const decision = decideQuickly(sorted[middle]);
      if (decision.feasible === true) {
        accept(decision.sites);
      } else {
        notCovered = middle;
        if (decision.feasible === false) low = Math.max(low, middle);
      }
    }
    // Phase 3, for the bound: the largest radius below those that the Lagrangian bound alone
    // proves infeasible (bisection; infeasibility is monotone in the radius).
    let top = Math.min(notCovered, high - 1);
    while (top - low > 1 && inTime()) {
      const middle = (low + top) >> 1;
      if (decideQuickly(sorted[middle]).feasible === false) low = middle;
      else top = middle;
    }
    // Phase 4: exact decisions again, on the narrower range and the larger sample, until time is up.
    bisectExactly(1);
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

// p-center: the least radius r such that k sites serve every demand within r. The optimum is one of
// the distinct latencies, so the search runs over them: greedy covers find a feasible radius fast,
// then each smaller radius is decided exactly by branch and bound on "a cover with <= k sites",
// bisecting between the largest radius proven infeasible and the smallest proven feasible.

import { branchAndBound } from '../kernel/twin/placement/branch-and-bound.js';
import { type CoverInstance, coverBranchProblem, coverCost, coverInstance, greedyCover } from '../kernel/twin/placement/set-cover.js';
import type { NormalizedProblem } from './problem.js';
import type { SearchOutcome } from './solve-p-median.js';

type Decision = { feasible: true; sites: Int32Array } | { feasible: false } | { feasible: null };

export function solvePCenter(problem: NormalizedProblem, ignored: readonly number[], deadline: number): SearchOutcome {
  const { demandCount: n, candidateCount: m, candidateMajor, weights, fixed, forbidden, k } = problem;
  const requirement = Int32Array.from({ length: n }, (_, i) => (weights[i] > 0 ? 1 : 0));
  for (const i of ignored) requirement[i] = 0;
  const allowed = Uint8Array.from(forbidden, (f) => 1 - f);
  const unitCosts = new Float64Array(m).fill(1);
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
    return { sites, cost: 0, bound: 0, proven: true };
  }

  const coverAt = (radius: number): CoverInstance => coverInstance(candidateMajor, n, m, radius, requirement, unitCosts, fixed, allowed);
  const decide = (radius: number): Decision => {
    const instance = coverAt(radius);
    const greedy = greedyCover(instance, startStatus);
    if (greedy && greedy.length <= k) return { feasible: true, sites: greedy };
    if (performance.now() > deadline) return { feasible: null };
    let incumbentCost = greedy ? coverCost(instance, greedy) : Infinity;
    const search = coverBranchProblem(instance, true, () => incumbentCost);
    const bound = search.bound.bind(search);
    const outcome = branchAndBound({
      ...search,
      stopAtCost: k,
      bound(status, parent, depth) {
        const node = bound(status, parent, depth);
        if (node.solution && node.solution.cost < incumbentCost) incumbentCost = node.solution.cost;
        return node;
      },
    }, greedy ? { sites: greedy, cost: incumbentCost } : { sites: new Int32Array(0), cost: Infinity }, deadline);
    if (outcome.cost <= k) return { feasible: true, sites: outcome.sites };
    return outcome.proven ? { feasible: false } : { feasible: null };
  };

  // The greedy walk from the top finds a feasible radius; its index bounds the bisection.
  let high = sorted.length - 1;
  let best = decide(sorted[high]);
  if (best.feasible !== true) {
    // Even the largest radius admits no k-cover: the fixed sites alone exceed k, or k is too small.
    const sites = Int32Array.from({ length: m }, (_, j) => j).filter((j) => fixed[j]);
    return { sites, cost: Infinity, bound: sorted[high], proven: best.feasible === false };
  }
  let bestSites = best.sites;
  let low = -1; // largest index proven infeasible (or -1: none)
  let unknownBelow = false;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    const decision = decide(sorted[middle]);
    if (decision.feasible === true) {
      high = middle;
      bestSites = decision.sites;
    } else if (decision.feasible === false) {
      low = middle;
    } else {
      unknownBelow = true;
      break;
    }
  }
  return {
    sites: bestSites,
    cost: sorted[high],
    bound: unknownBelow ? sorted[low + 1] : sorted[high],
    proven: !unknownBelow,
  };
}

// Exhaustive enumeration of every allowed site set: the ground truth small instances are checked
// against. Objectives are computed from scratch here, independent of the solver's evaluation.

import { randomInt, seededRandom } from '../../src/util/seeded-random.js';

export interface SmallInstance {
  latencyMs: number[][];
  weights: number[];
  costs: number[];
}

export function randomSmallInstance(seed: number, demands: number, candidates: number, unreachableShare = 0.05): SmallInstance {
  const random = seededRandom(seed);
  return {
    latencyMs: Array.from({ length: demands }, () => Array.from({ length: candidates }, () => (random() < unreachableShare ? Infinity : randomInt(random, 25)))),
    weights: Array.from({ length: demands }, () => 1 + randomInt(random, 4)),
    costs: Array.from({ length: candidates }, () => 1 + randomInt(random, 3)),
  };
}

function* subsets(items: number[], size: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let t = start; t < items.length; t++) yield* subsets(items, size, t + 1, [...prefix, items[t]]);
}

export function nearestMs(instance: SmallInstance, sites: number[], demand: number): number {
  let best = Infinity;
  for (const j of sites) best = Math.min(best, instance.latencyMs[demand][j]);
  return best;
}

export function objectiveOf(instance: SmallInstance, objective: string, sites: number[], sloMs = Infinity): number {
  const { latencyMs, weights, costs } = instance;
  if (objective === 'set-cover') return sites.reduce((sum, j) => sum + costs[j], 0);
  let total = 0;
  latencyMs.forEach((_, i) => {
    const d = nearestMs(instance, sites, i);
    if (objective === 'p-median') total += weights[i] * d;
    else if (objective === 'p-center') total = Math.max(total, d);
    else if (d <= sloMs) total += weights[i];
  });
  return total;
}

/** Best objective over every k-set containing `fixed` and avoiding `forbidden` (maximum for max-coverage). */
export function enumerateBest(instance: SmallInstance, objective: string, k: number, fixed: number[] = [], forbidden: number[] = [], sloMs = Infinity): number {
  const candidates = instance.latencyMs[0].length;
  const free = Array.from({ length: candidates }, (_, j) => j).filter((j) => !fixed.includes(j) && !forbidden.includes(j));
  const maximise = objective === 'max-coverage';
  let best = maximise ? -Infinity : Infinity;
  for (const chosen of subsets(free, k - fixed.length)) {
    const value = objectiveOf(instance, objective, [...fixed, ...chosen], sloMs);
    best = maximise ? Math.max(best, value) : Math.min(best, value);
  }
  return best;
}

/** Cheapest site set covering every demand coverTimes times within sloMs (Infinity if none). */
export function enumerateSetCover(instance: SmallInstance, sloMs: number, coverTimes: number, fixed: number[] = [], forbidden: number[] = []): number {
  const candidates = instance.latencyMs[0].length;
  const free = Array.from({ length: candidates }, (_, j) => j).filter((j) => !fixed.includes(j) && !forbidden.includes(j));
  let best = Infinity;
  for (let size = 0; size <= free.length; size++) {
    for (const chosen of subsets(free, size)) {
      const sites = [...fixed, ...chosen];
      const covered = instance.latencyMs.every((row) => sites.filter((j) => row[j] <= sloMs).length >= coverTimes);
      if (covered) best = Math.min(best, objectiveOf(instance, 'set-cover', sites));
    }
  }
  return best;
}

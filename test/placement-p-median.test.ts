import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../src/index.js';
import { enumerateBest, objectiveOf, randomSmallInstance } from './helpers/placement-enumeration.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('p-median', () => {
  it.each(SEEDS)('matches exhaustive enumeration and proves it (seed %i)', (seed) => {
    const instance = randomSmallInstance(seed, 12 + (seed % 7), 7 + (seed % 5));
    const candidates = instance.latencyMs[0].length;
    const k = 1 + (seed % 4);
    const fixed = seed % 3 === 0 ? [seed % candidates] : [];
    const forbidden = seed % 4 === 0 ? [(seed + 1) % candidates] : [];
    const expected = enumerateBest(instance, 'p-median', k, fixed, forbidden);
    const result = solvePlacement({ latencyMs: instance.latencyMs, weights: instance.weights, objective: 'p-median', k, fixed, forbidden, seed });
    if (expected === Infinity) {
      // Every k-set leaves some demand unreached: infeasible, with the objective over the rest.
      expect(result.status).toBe('infeasible');
      expect(Number.isFinite(result.objective)).toBe(true);
      return;
    }
    expect(result.objective).toBe(expected);
    expect(result.status).toBe(result.uncovered.length > 0 ? 'infeasible' : 'optimal');
    expect(objectiveOf(instance, 'p-median', result.sites)).toBe(result.objective);
    expect(result.sites).toHaveLength(k);
    for (const j of fixed) expect(result.sites).toContain(j);
    for (const j of forbidden) expect(result.sites).not.toContain(j);
    if (result.lowerBound !== null) expect(result.lowerBound).toBeLessThanOrEqual(result.objective);
  });
});

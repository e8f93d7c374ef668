import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../src/index.js';
import { enumerateBest, objectiveOf, randomSmallInstance } from './helpers/placement-enumeration.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('p-center', () => {
  it.each(SEEDS)('matches exhaustive enumeration of the least worst-case latency (seed %i)', (seed) => {
    const instance = randomSmallInstance(seed, 12 + (seed % 7), 7 + (seed % 5), 0.02);
    const candidates = instance.latencyMs[0].length;
    const k = 1 + (seed % 4);
    const fixed = seed % 3 === 0 ? [seed % candidates] : [];
    const forbidden = seed % 4 === 0 ? [(seed + 1) % candidates] : [];
    const expected = enumerateBest(instance, 'p-center', k, fixed, forbidden);
    const result = solvePlacement({ latencyMs: instance.latencyMs, objective: 'p-center', k, fixed, forbidden, seed });
    if (result.uncovered.length > 0) {
      expect(result.status).toBe('infeasible');
      return;
    }
    expect(result.objective).toBe(expected);
    expect(result.status).toBe('optimal');
    expect(result.lowerBound).toBe(expected);
    expect(objectiveOf(instance, 'p-center', result.sites)).toBe(result.objective);
    expect(result.sites).toHaveLength(k);
  });
});

import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../src/index.js';
import { enumerateSetCover, randomSmallInstance } from './helpers/placement-enumeration.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('set-cover', () => {
  it.each(SEEDS)('matches exhaustive enumeration of the cheapest cover, with backup coverage (seed %i)', (seed) => {
    const instance = randomSmallInstance(seed, 10 + (seed % 6), 7 + (seed % 4));
    const candidates = instance.latencyMs[0].length;
    const sloMs = 8 + (seed % 9);
    const coverTimes = 1 + (seed % 2);
    const fixed = seed % 3 === 0 ? [seed % candidates] : [];
    const forbidden = seed % 5 === 0 ? [(seed + 2) % candidates] : [];
    const expected = enumerateSetCover(instance, sloMs, coverTimes, fixed, forbidden);
    const result = solvePlacement({ latencyMs: instance.latencyMs, costs: instance.costs, objective: 'set-cover', sloMs, coverTimes, fixed, forbidden, seed });
    if (expected === Infinity) {
      expect(result.status).toBe('infeasible');
      expect(result.uncovered.length).toBeGreaterThan(0);
      return;
    }
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(expected);
    expect(result.lowerBound).toBe(expected);
    for (const row of instance.latencyMs) expect(result.sites.filter((j) => row[j] <= sloMs).length).toBeGreaterThanOrEqual(coverTimes);
    for (const j of fixed) expect(result.sites).toContain(j);
    for (const j of forbidden) expect(result.sites).not.toContain(j);
  });
});

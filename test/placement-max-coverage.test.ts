import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../src/index.js';
import { enumerateBest, objectiveOf, randomSmallInstance } from './helpers/placement-enumeration.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('max-coverage', () => {
  it.each(SEEDS)('matches exhaustive enumeration of the most weight covered (seed %i)', (seed) => {
    const instance = randomSmallInstance(seed, 12 + (seed % 7), 7 + (seed % 5));
    const candidates = instance.latencyMs[0].length;
    const k = 1 + (seed % 3);
    const sloMs = 4 + (seed % 6);
    const fixed = seed % 3 === 0 ? [seed % candidates] : [];
    const forbidden = seed % 4 === 0 ? [(seed + 1) % candidates] : [];
    const expected = enumerateBest(instance, 'max-coverage', k, fixed, forbidden, sloMs);
    const result = solvePlacement({ latencyMs: instance.latencyMs, weights: instance.weights, objective: 'max-coverage', k, sloMs, fixed, forbidden, seed });
    expect(result.objective).toBe(expected);
    expect(result.status).toBe('optimal');
    expect(result.lowerBound).toBe(expected);
    expect(objectiveOf(instance, 'max-coverage', result.sites, sloMs)).toBe(expected);
    expect(result.sites).toHaveLength(k);
  });
});

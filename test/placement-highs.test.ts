// Cross-checks against an independent MILP solver (HiGHS) on mid-size instances, where exhaustive
// enumeration is out of reach.

import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../src/index.js';
import { type MilpProblem, solveWithHighs } from '../bench/highs-models.js';
import { randomSmallInstance } from './helpers/placement-enumeration.js';

const CASES: (Omit<MilpProblem, 'latencyMs'> & { seed: number })[] = [
  { seed: 1, objective: 'p-median', k: 4 },
  { seed: 2, objective: 'p-median', k: 7, fixed: [3], forbidden: [5] },
  { seed: 3, objective: 'p-center', k: 5 },
  { seed: 4, objective: 'set-cover', sloMs: 6 },
  { seed: 5, objective: 'set-cover', sloMs: 10, coverTimes: 2 },
  { seed: 6, objective: 'max-coverage', k: 4, sloMs: 5 },
];

describe('agreement with HiGHS on 60 demands x 24 candidates', () => {
  it.each(CASES)('$objective (seed $seed)', async ({ seed, ...spec }) => {
    const instance = randomSmallInstance(1000 + seed, 60, 24, 0);
    const problem = { latencyMs: instance.latencyMs, weights: instance.weights, ...(spec.objective === 'set-cover' ? { costs: instance.costs } : {}), ...spec };
    const ours = solvePlacement({ ...problem, seed });
    const reference = await solveWithHighs(problem);
    expect(reference.status).toBe('Optimal');
    expect(ours.status).toBe('optimal');
    expect(ours.objective).toBeCloseTo(reference.objective, 6);
  });
});

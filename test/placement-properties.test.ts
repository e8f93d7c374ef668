// Property tests: 10,000 random small instances per objective, each solved by the wasm kernel and
// its TypeScript twin and checked against exhaustive enumeration. Demands no allowed site can
// serve are left out of the enumeration, as the solver leaves them out of its objective.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlacementResult, solvePlacement } from '../src/index.js';
import { enumerateBest, enumerateSetCover, type SmallInstance } from './helpers/placement-enumeration.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);

interface Case {
  readonly instance: SmallInstance;
  readonly k: number;
  readonly sloMs: number;
  readonly coverTimes: number;
  readonly fixed: number[];
  readonly forbidden: number[];
}

const latency = fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constant(Infinity) });

const cases: fc.Arbitrary<Case> = fc.record({ demands: fc.integer({ min: 1, max: 7 }), candidates: fc.integer({ min: 2, max: 6 }) }).chain(({ demands, candidates }) => fc.record({
  instance: fc.record({
    latencyMs: fc.array(fc.array(latency, { minLength: candidates, maxLength: candidates }), { minLength: demands, maxLength: demands }),
    weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: demands, maxLength: demands }),
    costs: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: candidates, maxLength: candidates }),
  }),
  k: fc.integer({ min: 1, max: candidates }),
  sloMs: fc.integer({ min: 1, max: 40 }),
  coverTimes: fc.integer({ min: 1, max: 2 }),
  // Each candidate fixed, forbidden or free, at most one of each.
  roles: fc.array(fc.constantFrom('free', 'free', 'free', 'fixed', 'forbidden'), { minLength: candidates, maxLength: candidates }),
})).map(({ roles, ...rest }) => ({
  ...rest,
  fixed: roles.flatMap((role, j) => (role === 'fixed' ? [j] : [])).slice(0, 1),
  forbidden: roles.flatMap((role, j) => (role === 'forbidden' ? [j] : [])).slice(0, 1),
}));

/**
 * The instance without the demands that ask for nothing (weight 0) and those no allowed site serves
 * within `sloMs` (set-cover: coverTimes of them).
 */
function servable(instance: SmallInstance, forbidden: readonly number[], sloMs: number, coverTimes: number): SmallInstance {
  const keep = instance.latencyMs.map((row, i) => instance.weights[i] > 0 && row.filter((d, j) => !forbidden.includes(j) && d <= sloMs && d < Infinity).length >= coverTimes);
  return {
    latencyMs: instance.latencyMs.filter((_, i) => keep[i]),
    weights: instance.weights.filter((_, i) => keep[i]),
    costs: instance.costs,
  };
}

/**
 * p-median when no k-set reaches every demand: the least weight left unreached, then the least
 * weighted latency over the demands reached (what the solver's penalty minimises).
 */
function leastOverReached(instance: SmallInstance, k: number, fixed: readonly number[], forbidden: readonly number[]): number {
  const free = instance.costs.map((_, j) => j).filter((j) => !fixed.includes(j) && !forbidden.includes(j));
  let best = { unreached: Infinity, objective: Infinity };
  const visit = (chosen: number[], start: number) => {
    if (chosen.length === k - fixed.length) {
      const sites = [...fixed, ...chosen];
      let unreached = 0;
      let objective = 0;
      instance.latencyMs.forEach((row, i) => {
        const nearest = Math.min(...sites.map((j) => row[j]));
        if (nearest === Infinity) unreached += instance.weights[i];
        else objective += instance.weights[i] * nearest;
      });
      if (unreached < best.unreached || (unreached === best.unreached && objective < best.objective)) best = { unreached, objective };
      return;
    }
    for (let t = start; t < free.length; t++) visit([...chosen, free[t]], t + 1);
  };
  visit([], 0);
  return best.objective;
}

function withoutClock(result: PlacementResult) {
  return { ...result, statistics: { ...result.statistics, elapsedMs: 0 } };
}

function solveBoth(problem: Parameters<typeof solvePlacement>[0]): PlacementResult {
  const wasm = solvePlacement(problem);
  expect(withoutClock(solvePlacement({ ...problem, kernel: 'js' }))).toEqual(withoutClock(wasm));
  return wasm;
}

describe('placement properties, wasm and twin against exhaustive enumeration', () => {
  for (const objective of ['p-median', 'p-center'] as const) {
    it(`${objective}: the proven optimum over every servable demand`, () => {
      fc.assert(fc.property(cases, ({ instance, k, fixed, forbidden }) => {
        const result = solveBoth({ latencyMs: instance.latencyMs, weights: instance.weights, objective, k, fixed, forbidden });
        if (k > instance.costs.length - forbidden.length) {
          expect(result.status).toBe('infeasible');
          return;
        }
        const rest = servable(instance, forbidden, Infinity, 1);
        expect(result.uncovered.length).toBe(instance.weights.filter((w) => w > 0).length - rest.latencyMs.length);
        const best = rest.latencyMs.length === 0 ? 0 : enumerateBest(rest, objective, k, fixed, forbidden);
        if (best === Infinity) {
          // No k sites (with the fixed ones) reach every servable demand: a result, with a finite
          // objective over the demands the plan does reach.
          expect(result.status).toBe('infeasible');
          expect(Number.isFinite(result.objective)).toBe(true);
          if (objective === 'p-median') expect(result.objective).toBe(leastOverReached(rest, k, fixed, forbidden));
          return;
        }
        expect(result.status).toBe(result.uncovered.length > 0 ? 'infeasible' : 'optimal');
        expect(result.objective).toBe(best);
      }), { numRuns: RUNS, seed: 2025 });
    });
  }

  it('max-coverage: the proven optimum covered weight', () => {
    fc.assert(fc.property(cases, ({ instance, k, sloMs, fixed, forbidden }) => {
      const result = solveBoth({ latencyMs: instance.latencyMs, weights: instance.weights, objective: 'max-coverage', k, sloMs, fixed, forbidden });
      if (k > instance.costs.length - forbidden.length) {
        expect(result.status).toBe('infeasible');
        return;
      }
      expect(result.status).toBe('optimal');
      expect(result.objective).toBe(enumerateBest(instance, 'max-coverage', k, fixed, forbidden, sloMs));
    }), { numRuns: RUNS, seed: 2026 });
  });

  it('set-cover: the proven cheapest cover of every coverable demand', () => {
    fc.assert(fc.property(cases, ({ instance, sloMs, coverTimes, fixed, forbidden }) => {
      const result = solveBoth({ latencyMs: instance.latencyMs, weights: instance.weights, costs: instance.costs, objective: 'set-cover', sloMs, coverTimes, fixed, forbidden });
      const rest = servable(instance, forbidden, sloMs, coverTimes);
      expect(result.status).toBe(result.uncovered.length > 0 ? 'infeasible' : 'optimal');
      expect(result.objective).toBe(rest.latencyMs.length === 0 ? fixed.reduce((sum, j) => sum + instance.costs[j], 0) : enumerateSetCover(rest, sloMs, coverTimes, fixed, forbidden));
    }), { numRuns: RUNS, seed: 2027 });
  });
});

import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, latencyMatrix, shortestPath } from '../src/index.js';
import { solvePlacement } from '../src/index.js';
import { nearestMs, objectiveOf, randomSmallInstance } from './helpers/placement-enumeration.js';

const OBJECTIVES = [
  { objective: 'p-median', k: 3 },
  { objective: 'p-center', k: 3 },
  { objective: 'max-coverage', k: 3, sloMs: 8 },
  { objective: 'set-cover', sloMs: 15 },
] as const;

describe('solvePlacement invariants', () => {
  it.each(OBJECTIVES)('$objective: nearest-site assignment, recomputed objective, bound on the right side, deterministic', (spec) => {
    for (let seed = 1; seed <= 8; seed++) {
      const instance = randomSmallInstance(100 + seed, 30, 12, 0);
      const costs = spec.objective === 'set-cover' ? { costs: instance.costs } : {};
      const problem = { latencyMs: instance.latencyMs, weights: instance.weights, ...costs, fixed: [seed % 12], forbidden: [(seed + 5) % 12], seed, ...spec };
      const result = solvePlacement(problem);
      // Everything but the clock is the same run after run, and in the TypeScript twin.
      const withoutClock = ({ statistics, ...rest }: ReturnType<typeof solvePlacement>) => ({ ...rest, statistics: { ...statistics, elapsedMs: 0 } });
      expect(withoutClock(solvePlacement(problem))).toEqual(withoutClock(result));
      expect(withoutClock(solvePlacement({ ...problem, kernel: 'js' }))).toEqual(withoutClock(result));
      expect(result.sites).toEqual([...result.sites].sort((a, b) => a - b));
      expect(result.sites).toContain(seed % 12);
      expect(result.sites).not.toContain((seed + 5) % 12);
      instance.latencyMs.forEach((row, i) => {
        const assigned = result.assignment[i];
        expect(result.sites).toContain(assigned);
        expect(row[assigned]).toBe(nearestMs(instance, result.sites, i));
        // Ties go to the lowest index.
        expect(result.sites.find((j) => row[j] === row[assigned])).toBe(assigned);
      });
      if (result.status === 'infeasible') continue;
      expect(result.objective).toBe(objectiveOf(instance, spec.objective, result.sites, 'sloMs' in spec ? spec.sloMs : Infinity));
      expect(result.lowerBound).not.toBeNull();
      if (spec.objective === 'max-coverage') expect(result.lowerBound as number).toBeGreaterThanOrEqual(result.objective);
      else expect(result.lowerBound as number).toBeLessThanOrEqual(result.objective);
    }
  });

  it('takes the { rows, cols, data } matrices of shortestPath.matrix and latencyMatrix directly', () => {
    const graph = new Graph({ type: 'undirected' });
    ['a', 'b', 'c', 'd'].forEach((node, i, nodes) => i > 0 && graph.mergeEdge(nodes[i - 1], node, { weight: 10 }));
    const result = solvePlacement({ latencyMs: shortestPath.matrix(graph), objective: 'p-median', k: 1 });
    expect(result).toMatchObject({ status: 'optimal', sites: [1], objective: 40 });
    const rtt = latencyMatrix(['id-jakarta', 'br-sao-paulo', 'de-frankfurt'], ['ap-southeast-1', 'eu-central-1', 'us-east-1']);
    expect(solvePlacement({ latencyMs: rtt, objective: 'p-center', k: 2 }).status).toBe('optimal');
  });
});

describe('infeasible plans are results with an explanation', () => {
  const latencyMs = [
    [5, 40, Infinity],
    [30, 6, 50],
    [90, 80, 70],
  ];

  it('an SLO no allowed site meets: uncovered demands with the best latency reachable', () => {
    const result = solvePlacement({ latencyMs, objective: 'set-cover', sloMs: 20, forbidden: [2] });
    expect(result.status).toBe('infeasible');
    expect(result.uncovered).toEqual([2]);
    expect(result.uncoveredBestMs).toEqual([80]);
    expect(result.sites).toEqual([0, 1]);
    expect(result.explanation).toMatch(/1 demand\(s\) have fewer than 1 allowed site\(s\) within 20 ms/);
  });

  it('coverTimes above what the allowed sites give', () => {
    const result = solvePlacement({ latencyMs, objective: 'set-cover', sloMs: 60, coverTimes: 3 });
    expect(result.status).toBe('infeasible');
    expect(result.uncovered).toEqual([0, 2]);
    expect(result.uncoveredBestMs).toEqual([5, 70]);
  });

  it('a budget of k below the fixed sites, and above the sites allowed', () => {
    const below = solvePlacement({ latencyMs, objective: 'p-median', k: 1, fixed: [0, 1] });
    expect(below).toMatchObject({ status: 'infeasible', sites: [0, 1], lowerBound: null });
    expect(below.explanation).toMatch(/k = 1 is below the 2 fixed sites/);
    const above = solvePlacement({ latencyMs, objective: 'p-center', k: 3, forbidden: [2] });
    expect(above.explanation).toMatch(/k = 3 exceeds the 2 candidates not forbidden/);
  });

  it('max-coverage reports what cannot be covered without calling the plan infeasible', () => {
    const result = solvePlacement({ latencyMs, objective: 'max-coverage', k: 1, sloMs: 20 });
    expect(result.status).toBe('optimal');
    expect(result.uncovered).toEqual([2]);
    expect(result.objective).toBe(1);
  });
});

describe('bad problems are typed errors naming the field', () => {
  const ok = { latencyMs: [[1, 2], [3, 4]], objective: 'p-median', k: 1 } as const;
  it.each([
    [{ ...ok, latencyMs: [[1, 2], [3]] }, /problem\.latencyMs\[1\] has 1 entries but row 0 has 2; the matrix must be rectangular/],
    [{ ...ok, latencyMs: [[1, -2], [3, 4]] }, /problem\.latencyMs\[0\]\[1\] is -2; latencies must be numbers >= 0/],
    [{ ...ok, latencyMs: [[1, Number.NaN], [3, 4]] }, /problem\.latencyMs\[0\]\[1\] is NaN/],
    [{ ...ok, latencyMs: { rows: 2, cols: 2, data: [1, 2, 3] } }, /problem\.latencyMs\.data must hold rows x cols = 4 latencies/],
    [{ ...ok, k: 0 }, /problem\.k must be a finite integer > 0; got 0/],
    [{ ...ok, k: 3 }, /problem\.k is 3 but there are only 2 candidates/],
    [{ ...ok, k: undefined }, /problem\.k is required for "p-median"/],
    [{ ...ok, latencyMs: [[1, 2, 3], [3, 4, 5]], fixed: [0, 0, 2] }, /problem\.fixed\[1\] repeats candidate 0/],
    [{ ...ok, latencyMs: [[1, 2, 3], [3, 4, 5]], fixed: [0, 1, 0] }, /problem\.fixed looks like a 0\/1 mask over the candidates; pass the candidate indices instead: \[1\]/],
    [{ ...ok, forbidden: [2] }, /problem\.forbidden\[0\] is 2; candidate indices run from 0 to 1/],
    [{ ...ok, fixed: [1], forbidden: [1] }, /problem\.fixed and problem\.forbidden both name candidate 1/],
    [{ ...ok, weights: [1] }, /problem\.weights has 1 entries but there are 2 demands/],
    [{ ...ok, weights: [1, -1] }, /problem\.weights\[1\] is -1; weights must be finite numbers >= 0/],
    [{ latencyMs: ok.latencyMs, objective: 'set-cover', costs: [1, 2, 3], sloMs: 5 }, /problem\.costs has 3 entries but there are 2 candidates/],
    [{ ...ok, objective: 'max-coverage' }, /problem\.sloMs is required for "max-coverage"/],
    [{ ...ok, objective: 'p-medium' }, /problem\.objective must be one of "p-median", "p-center", "max-coverage", "set-cover"; got "p-medium"/],
    [{ ...ok, coverTimes: 2 }, /problem\.coverTimes does not apply to "p-median"; it is used by "set-cover"/],
    [{ ...ok, sloMs: 50 }, /problem\.sloMs does not apply to "p-median"; it is used by "max-coverage" and "set-cover"/],
    [{ ...ok, objective: 'p-center', sloMs: 50 }, /problem\.sloMs does not apply to "p-center"/],
    [{ ...ok, objective: 'set-cover', sloMs: 5 }, /problem\.k does not apply to "set-cover"; it is used by "p-median" and "p-center" and "max-coverage"/],
    [{ ...ok, costs: [1, 1] }, /problem\.costs does not apply to "p-median"; it is used by "set-cover"/],
    [{ ...ok, netwrok: 'x' }, /problem\.netwrok is not a field of a placement problem/],
    [null, /problem must be an object/],
  ])('%#', (problem, message) => {
    expect(() => solvePlacement(problem as never)).toThrow(InvalidArgumentError);
    expect(() => solvePlacement(problem as never)).toThrow(message);
  });
});

describe('edges of the contract', () => {
  const latencyMs = [[1, 9, 9], [9, 1, 9], [9, 9, 1], [50, 50, 50]];

  it('set-cover with fixed sites still covers every coverable demand when one cannot be covered', () => {
    for (const coverTimes of [1, 2]) {
      const slo = coverTimes === 1 ? 5 : 10;
      const result = solvePlacement({ latencyMs, objective: 'set-cover', sloMs: slo, fixed: [0], coverTimes });
      expect(result.status).toBe('infeasible');
      expect(result.uncovered).toEqual([3]);
      expect(result.unserved).toEqual([3]);
      expect(result.sites).toEqual(coverTimes === 1 ? [0, 1, 2] : [0, 1]);
    }
  });

  it('a demand no site reaches makes p-median and p-center infeasible, with a finite objective over the rest', () => {
    const unreachable = [[1, 2], [4, 3], [Infinity, Infinity]];
    for (const objective of ['p-median', 'p-center'] as const) {
      const result = solvePlacement({ latencyMs: unreachable, objective, k: 1 });
      expect(result.status, objective).toBe('infeasible');
      expect(result.uncovered).toEqual([2]);
      expect(result.unserved).toEqual([2]);
      expect(Number.isFinite(result.objective)).toBe(true);
      expect(result.lowerBound).toBeNull();
      expect(result.demandLatencyMs[2]).toBe(Infinity);
    }
  });

  it('reports each demand\'s latency to its site, what the plan leaves unserved, and the search statistics', () => {
    const result = solvePlacement({ latencyMs, objective: 'max-coverage', k: 1, sloMs: 5 });
    expect(Array.from(result.demandLatencyMs)).toEqual([1, 9, 9, 50]);
    expect(result.unserved).toEqual([1, 2, 3]);
    expect(result.statistics.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.statistics.stoppedAtTimeLimit).toBe(false);
    expect(result.statistics.nodes).toBeGreaterThanOrEqual(0);
  });
});

describe('numbers at the edges', () => {
  it('refuses weights or costs whose objective would overflow, and a DataView row', () => {
    expect(() => solvePlacement({ latencyMs: [[1e10, 2], [3, 4]], weights: [1e300, 1e300], objective: 'p-median', k: 1 })).toThrow(/problem\.weights are so large that the objective overflows/);
    expect(() => solvePlacement({ latencyMs: [[1, 2]], objective: 'set-cover', sloMs: 5, costs: [1e308, 1e308] })).toThrow(/problem\.costs are so large/);
    expect(() => solvePlacement({ latencyMs: [new DataView(new ArrayBuffer(16)) as never, [1, 2]], objective: 'p-median', k: 1 })).toThrow(/problem\.latencyMs\[0\] must be an array of latencies/);
  });
});

describe('sizes beyond the kernel', () => {
  it('refuses a matrix the WebAssembly kernel cannot hold with a CapacityError before allocating it', async () => {
    const { CapacityError } = await import('../src/index.js');
    // rows x cols x 8 bytes is past 4 GiB; the data is never read, so nothing of that size exists.
    const huge = { rows: 30_000, cols: 20_000, data: { length: 30_000 * 20_000 } as ArrayLike<number> };
    expect(() => solvePlacement({ latencyMs: huge as never, objective: 'p-median', k: 5 })).toThrow(CapacityError);
    expect(() => solvePlacement({ latencyMs: huge as never, objective: 'p-median', k: 5 })).toThrow(/problem\.latencyMs needs 4\.47 GiB of WebAssembly memory but only .* can be had/);
  });
});

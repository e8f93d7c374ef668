// p-center decided on growing demand samples: checked against a reference that decides every
// radius on all demands at once, on instances large enough that the samples matter, and on a
// TSPLIB instance against its published radius.

import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../src/index.js';
import { decideCover } from '../src/kernel/twin/placement/cover-decision.js';
import { seededRandom } from '../src/util/seeded-random.js';
import { tsplibMatrix, tsplibPoints, tsplibValues } from '../bench/tsplib.js';

function randomPlane(seed: number, demands: number, candidates: number): number[][] {
  const random = seededRandom(seed);
  const point = () => [Math.round(random() * 60), Math.round(random() * 60)];
  const demandPoints = Array.from({ length: demands }, point);
  const candidatePoints = Array.from({ length: candidates }, point);
  return demandPoints.map(([x, y]) => candidatePoints.map(([u, v]) => Math.round(Math.sqrt((x - u) ** 2 + (y - v) ** 2))));
}

/** The least radius some k allowed sites (fixed ones included) cover every demand within, decided on all demands. */
function referenceRadius(latencyMs: number[][], k: number, fixed: number[], forbidden: number[]): number {
  const n = latencyMs.length;
  const m = latencyMs[0].length;
  const radii = [...new Set(latencyMs.flat())].sort((a, b) => a - b);
  const feasible = (radius: number) => {
    const coverStart = new Int32Array(m + 1);
    const demands: number[] = [];
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < n; i++) if (latencyMs[i][j] <= radius) demands.push(i);
      coverStart[j + 1] = demands.length;
    }
    const decision = decideCover({
      demandCount: n, candidateCount: m, coverStart, coverDemands: Int32Array.from(demands), needed: new Uint8Array(n).fill(1),
      fixed: Uint8Array.from({ length: m }, (_, j) => (fixed.includes(j) ? 1 : 0)),
      allowed: Uint8Array.from({ length: m }, (_, j) => (forbidden.includes(j) ? 0 : 1)), k,
    }, 2 ** 30);
    if (decision.feasible === null) throw new Error('the reference ran out of nodes');
    return decision.feasible;
  };
  let low = -1;
  let high = radii.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (feasible(radii[middle])) high = middle;
    else low = middle;
  }
  return radii[high];
}

describe('p-center on demand samples', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('finds and proves the reference radius (seed %i)', (seed) => {
    const latencyMs = randomPlane(seed, 90, 30 + (seed % 3) * 10);
    const k = 3 + (seed % 4);
    const fixed = seed % 3 === 0 ? [seed % 7] : [];
    const forbidden = seed % 4 === 0 ? [7 + (seed % 5), 12] : [];
    const expected = referenceRadius(latencyMs, k, fixed, forbidden);
    const kernel = seed % 5 === 0 ? 'js' : 'wasm';
    const result = solvePlacement({ latencyMs, objective: 'p-center', k, fixed, forbidden, kernel });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(expected);
    expect(result.lowerBound).toBe(expected);
    expect(Math.max(...result.demandLatencyMs)).toBe(expected);
    for (const j of fixed) expect(result.sites).toContain(j);
    for (const j of forbidden) expect(result.sites).not.toContain(j);
  });

  it('proves the published radius of TSPLIB u1060 with 10 centres', () => {
    const published = tsplibValues().find((value) => value.instance === 'u1060' && value.p === 10);
    if (!published) throw new Error('u1060 p=10 is missing from bench/tsplib/values.csv');
    const latencyMs = tsplibMatrix(tsplibPoints('u1060'), published.convention);
    const result = solvePlacement({ latencyMs, objective: 'p-center', k: 10, timeLimitMs: 60_000 });
    expect(result.objective).toBe(published.value);
    expect(result.status).toBe('optimal');
    expect(result.lowerBound).toBe(published.value);
  });
});

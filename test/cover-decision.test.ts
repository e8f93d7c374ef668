import { describe, expect, it } from 'vitest';
import { decideCoverWith } from '../src/kernel/cover-decision-kernel.js';
import { coverInstance } from '../src/kernel/twin/placement/set-cover.js';
import { randomInt, seededRandom } from '../src/util/seeded-random.js';

function randomDecision(seed: number) {
  const random = seededRandom(seed);
  const n = 20 + randomInt(random, 40);
  const m = 8 + randomInt(random, 20);
  const distance = Float64Array.from({ length: n * m }, () => randomInt(random, 30));
  const fixed = new Uint8Array(m);
  if (seed % 3 === 0) fixed[randomInt(random, m)] = 1;
  const allowed = Uint8Array.from({ length: m }, () => (random() < 0.9 ? 1 : 0));
  const requirement = Int32Array.from({ length: n }, () => (random() < 0.8 ? 1 : 0));
  const instance = coverInstance(distance, n, m, 6 + randomInt(random, 10), requirement, new Float64Array(m).fill(1), fixed, allowed);
  return { ...instance, needed: Uint8Array.from(requirement), k: 2 + randomInt(random, 6) };
}

function brute(input: ReturnType<typeof randomDecision>): boolean {
  const { candidateCount: m, coverStart, coverDemands, needed, fixed, allowed, k } = input;
  const free = Array.from({ length: m }, (_, j) => j).filter((j) => allowed[j] && !fixed[j]);
  const base = Array.from({ length: m }, (_, j) => j).filter((j) => fixed[j]);
  const covers = (sites: number[]) => {
    const covered = new Uint8Array(input.demandCount);
    for (const j of sites) for (let t = coverStart[j]; t < coverStart[j + 1]; t++) covered[coverDemands[t]] = 1;
    return needed.every((need, i) => !need || covered[i]);
  };
  const search = (start: number, chosen: number[]): boolean => {
    if (covers(chosen)) return true;
    if (chosen.length >= k) return false;
    for (let t = start; t < free.length; t++) if (search(t + 1, [...chosen, free[t]])) return true;
    return false;
  };
  return base.length <= k && search(0, base);
}

describe('the exact cover decision (at most k sites cover every needed demand?)', () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('agrees with brute force, and wasm with its twin node for node (seed %i)', (seed) => {
    const input = randomDecision(seed);
    const wasm = decideCoverWith(input, 1 << 20, 'wasm');
    const twin = decideCoverWith(input, 1 << 20, 'js');
    expect(wasm).toEqual(twin);
    expect(wasm.feasible).toBe(brute(input));
    if (wasm.feasible) expect(wasm.sites.length).toBeLessThanOrEqual(input.k);
  });

  it('stops at the node budget, in both, with no answer', () => {
    const input = { ...randomDecision(7), k: 3 };
    for (const kernel of ['wasm', 'js'] as const) {
      const result = decideCoverWith(input, 1, kernel);
      expect([null, true, false]).toContain(result.feasible);
    }
    expect(decideCoverWith(input, 1, 'wasm')).toEqual(decideCoverWith(input, 1, 'js'));
  });
});

// The two-tier search checked against exhaustive enumeration on small random instances. The
// enumeration shares nothing with the solver but `compareScores`: it lists every centre set that
// holds the required sites and replicates pairwise, and for each every joint choice of (centre or
// none, station or none) per group, scoring each plan from the definitions directly: sites and cost
// over the distinct sites among centres and stations, every centre counted whether used or not.
// Real problems never let two groups share a station site (a station is in its group's country),
// and the solver refuses such a problem, so the random instances keep each station site to one group.

import { describe, expect, it } from 'vitest';
import { seededRandom as mulberry32 } from '../src/util/seeded-random.js';
import { compareScores, solveTwoTier, type TwoTierProblem, type TwoTierScore, type TwoTierSolution } from '../src/plan/two-tier-search.js';

const UNREACHABLE_MS = 10_000;

interface Plan {
  readonly centres: readonly number[];
  readonly centreOf: readonly number[];
  readonly stationOf: readonly number[];
}

const replicates = (p: Pick<TwoTierProblem, 'backboneMs' | 'replicationSloMs'>, a: number, b: number) => Math.max(p.backboneMs[a][b], p.backboneMs[b][a]) <= p.replicationSloMs;
const syncs = (p: TwoTierProblem, station: number, centre: number) => station === centre || p.backboneMs[station][centre] <= p.syncSloMs;
const hasResidents = (p: TwoTierProblem, g: number) => p.group.some((h, i) => h === g && p.resident[i]);
const primary = (p: TwoTierProblem, s: TwoTierScore) => (p.objective === 'least-cost' ? s.cost : s.sites);

/** A plan's score from the definitions. The plan is taken as valid; `problemsOf` checks that. */
function scoreOf(p: TwoTierProblem, plan: Plan): TwoTierScore {
  let assigned = 0;
  for (let g = 0; g < p.groupCount; g++) {
    if (plan.centreOf[g] >= 0) assigned++;
    if (plan.stationOf[g] >= 0) assigned++;
  }
  const sites = new Set([...plan.centres, ...plan.stationOf.filter((j) => j >= 0)]);
  let cost = 0;
  for (const j of sites) cost += p.costs === null ? 0 : p.costs[j];
  let coveredWeight = 0;
  let weightedRttMs = 0;
  p.group.forEach((g, i) => {
    const serving = p.resident[i] ? plan.stationOf[g] : plan.centreOf[g];
    const ms = serving < 0 ? Infinity : p.latency[i][serving];
    if (ms <= p.sloMs[i]) coveredWeight += p.weights[i];
    weightedRttMs += p.weights[i] * Math.min(ms, UNREACHABLE_MS);
  });
  return { assigned, coveredWeight, sites: sites.size, cost, weightedRttMs };
}

/** What is wrong with a plan, if anything. */
function problemsOf(p: TwoTierProblem, plan: Plan): string[] {
  const out: string[] = [];
  const n = p.backboneMs.length;
  const { centres } = plan;
  if (new Set(centres).size !== centres.length) out.push('duplicate centres');
  if (centres.some((j, k) => k > 0 && centres[k - 1] >= j)) out.push('centres not ascending');
  if (centres.some((j) => !Number.isInteger(j) || j < 0 || j >= n)) out.push('centre out of range');
  for (const r of p.required) if (!centres.includes(r)) out.push(`required ${r} not a centre`);
  for (let a = 0; a < centres.length; a++)
    for (let b = a + 1; b < centres.length; b++) if (!replicates(p, centres[a], centres[b])) out.push(`centres ${centres[a]},${centres[b]} do not replicate`);
  if (plan.centreOf.length !== p.groupCount || plan.stationOf.length !== p.groupCount) out.push('per-group arrays of wrong length');
  for (let g = 0; g < p.groupCount; g++) {
    const c = plan.centreOf[g];
    const s = plan.stationOf[g];
    if (c >= 0 && !centres.includes(c)) out.push(`group ${g}: centre ${c} not among centres`);
    if (c >= 0 && !p.centreAllowed[g][c]) out.push(`group ${g}: centre ${c} not allowed`);
    if (s >= 0) {
      if (!hasResidents(p, g)) out.push(`group ${g}: station without resident markets`);
      if (!p.stationAllowed[g][s]) out.push(`group ${g}: station ${s} not allowed`);
      if (c < 0) out.push(`group ${g}: station without centre`);
      else if (!syncs(p, s, c)) out.push(`group ${g}: station ${s} does not sync with centre ${c}`);
    }
  }
  return out;
}

/** The best score over every valid plan, by exhaustive enumeration; null when no centre set is valid. */
function bruteForce(p: TwoTierProblem): { score: TwoTierScore; plan: Plan } | null {
  const n = p.backboneMs.length;
  let best: { score: TwoTierScore; plan: Plan } | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const centres = Array.from({ length: n }, (_, j) => j).filter((j) => mask & (1 << j));
    if (!p.required.every((r) => centres.includes(r))) continue;
    if (!centres.every((a) => centres.every((b) => a === b || replicates(p, a, b)))) continue;
    const options: [number, number][][] = [];
    for (let g = 0; g < p.groupCount; g++) {
      const list: [number, number][] = [[-1, -1]];
      for (const c of centres) {
        if (!p.centreAllowed[g][c]) continue;
        list.push([c, -1]);
        if (!hasResidents(p, g)) continue;
        for (let s = 0; s < n; s++) if (p.stationAllowed[g][s] && syncs(p, s, c)) list.push([c, s]);
      }
      options.push(list);
    }
    const centreOf = new Array<number>(p.groupCount).fill(-1);
    const stationOf = new Array<number>(p.groupCount).fill(-1);
    const walk = (g: number) => {
      if (g === p.groupCount) {
        const plan = { centres, centreOf: [...centreOf], stationOf: [...stationOf] };
        const score = scoreOf(p, plan);
        if (best === null || compareScores(score, best.score, p.objective) < 0) best = { score, plan };
        return;
      }
      for (const [c, s] of options[g]) {
        centreOf[g] = c;
        stationOf[g] = s;
        walk(g + 1);
      }
    };
    walk(0);
  }
  return best;
}

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameScore(a: TwoTierScore, b: TwoTierScore): boolean {
  return (['assigned', 'coveredWeight', 'sites', 'cost', 'weightedRttMs'] as const).every((k) => close(a[k], b[k]));
}

interface Shape {
  readonly sites: readonly [number, number];
  readonly groups: readonly [number, number];
  readonly marketsPerGroup: readonly [number, number];
  readonly timeLimitMs: number;
  /** Whether two groups may both be allowed the same station site. */
  readonly sharedStations: boolean;
}

function randomProblem(rand: () => number, shape: Shape): TwoTierProblem {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const n = int(...shape.sites);
  const groupCount = int(...shape.groups);
  const group: number[] = [];
  for (let g = 0; g < groupCount; g++) for (let k = int(...shape.marketsPerGroup); k > 0; k--) group.push(g);
  const m = group.length;
  // Coarse figures, so that ties in coverage, RTT, sites and cost are common.
  const latency = Array.from({ length: m }, () => Array.from({ length: n }, () => (rand() < 0.15 ? Infinity : 5 * int(1, 10))));
  const sloMs = Array.from({ length: m }, () => pick([10, 20, 30, 40]));
  const integerWeights = rand() < 0.7;
  const weights = Array.from({ length: m }, () => (integerWeights ? int(1, 3) : Math.round(rand() * 1000) / 100));
  const residentRate = pick([0, 0.3, 0.6, 1]);
  const resident = Array.from({ length: m }, () => rand() < residentRate);
  const centreRate = pick([0.3, 0.6, 0.9]);
  const centreAllowed = Array.from({ length: groupCount }, () => Array.from({ length: n }, () => rand() < centreRate));
  const stationRate = pick([0.2, 0.4, 0.7]);
  const stationAllowed = Array.from({ length: groupCount }, () => (rand() < 0.15 ? new Array<boolean>(n).fill(false) : Array.from({ length: n }, () => rand() < stationRate)));
  if (!shape.sharedStations) {
    // A station is in its group's country, so no two groups may share one: each site keeps at most one.
    for (let j = 0; j < n; j++) {
      const owners = stationAllowed.flatMap((row, g) => (row[j] ? [g] : []));
      const owner = owners.length === 0 ? -1 : pick(owners);
      stationAllowed.forEach((row, g) => (row[j] = g === owner));
    }
  }
  const backboneMs = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) backboneMs[a][b] = backboneMs[b][a] = 10 * int(1, 10);
  const syncSloMs = pick([10, 30, 50, 80]);
  const replicationSloMs = pick([Infinity, 40, 70, 100]);
  const costRoll = rand();
  const costs = costRoll < 0.3 ? null : Array.from({ length: n }, () => (costRoll < 0.75 ? int(1, 4) : Math.round(rand() * 500) / 100));
  const objective = rand() < 0.5 ? 'fewest-regions' : 'least-cost';
  let required: number[] = [];
  const requiredRoll = rand();
  if (requiredRoll < 0.25) required = [int(0, n - 1)];
  else if (requiredRoll < 0.3) {
    const r = int(0, n - 1);
    required = [r, r];
  } else if (requiredRoll < 0.35) {
    const a = int(0, n - 1);
    const b = int(0, n - 1);
    // The solver does not check required sites against each other, so only a replicating pair is drawn.
    required = a !== b && replicates({ backboneMs, replicationSloMs }, a, b) ? [b, a] : [a];
  }
  return {
    latency, sloMs, weights, group, resident, groupCount, centreAllowed, stationAllowed, backboneMs,
    syncSloMs, replicationSloMs, costs, objective, required, timeLimitMs: shape.timeLimitMs,
  };
}

/** Everything that is wrong with the solver's answer to `p`, as text. */
function discrepancies(p: TwoTierProblem, solution: TwoTierSolution): string[] {
  const out: string[] = [];
  const truth = bruteForce(p);
  if (solution.status !== 'optimal') out.push(`status ${solution.status}`);
  if (truth === null) out.push('no valid centre set exists');
  else if (!sameScore(solution.score, truth.score)) out.push(`score ${JSON.stringify(solution.score)} but enumeration finds ${JSON.stringify(truth.score)} with ${JSON.stringify(truth.plan)}`);
  const plan = { centres: solution.centres, centreOf: solution.centreOf, stationOf: solution.stationOf };
  out.push(...problemsOf(p, plan));
  const own = scoreOf(p, plan);
  if (!sameScore(own, solution.score)) out.push(`reported score ${JSON.stringify(solution.score)} but its plan scores ${JSON.stringify(own)}`);
  if (!close(solution.bound, primary(p, solution.score))) out.push(`bound ${solution.bound} but primary figure ${primary(p, solution.score)}`);
  return out;
}

const SMALL = { sites: [3, 6], groups: [1, 3], marketsPerGroup: [1, 3], timeLimitMs: 60_000 } as const;
const INSTANCES = Number(process.env.TWO_TIER_INSTANCES ?? 300);

const json = (p: TwoTierProblem) => JSON.stringify(p, (_, v) => (v === Infinity ? 'Infinity' : v));

function checkRandom(seedBase: number, shape: Shape) {
  const failures: string[] = [];
  const kinds = { noStation: 0, unsyncable: 0, unreplicable: 0, required: 0, leastCost: 0, nullCosts: 0 };
  for (let seed = seedBase + 1; seed <= seedBase + INSTANCES; seed++) {
    const p = randomProblem(mulberry32(seed), shape);
    const sites = p.backboneMs.map((_, j) => j);
    if (p.stationAllowed.some((row) => row.every((ok) => !ok))) kinds.noStation++;
    if (p.stationAllowed.some((row) => sites.some((s) => row[s] && sites.some((c) => !syncs(p, s, c))))) kinds.unsyncable++;
    if (sites.some((a) => sites.some((b) => !replicates(p, a, b)))) kinds.unreplicable++;
    if (p.required.length > 0) kinds.required++;
    if (p.objective === 'least-cost') kinds.leastCost++;
    if (p.costs === null) kinds.nullCosts++;
    const found = discrepancies(p, solveTwoTier(p));
    if (found.length > 0) failures.push(`seed ${seed}: ${found.join('; ')}\n  ${json(p)}`);
  }
  // The generator reaches the cases that matter.
  for (const [kind, count] of Object.entries(kinds)) expect(count, kind).toBeGreaterThan(10);
  expect(`${failures.length} of ${INSTANCES} disagree\n${failures.slice(0, 3).join('\n')}`).toBe(`0 of ${INSTANCES} disagree\n`);
}

describe('solveTwoTier against exhaustive enumeration', () => {
  it(`agrees on ${INSTANCES} random small instances, each station site allowed to at most one group`, () => {
    checkRandom(0, { ...SMALL, sharedStations: false });
  });

  it('refuses a station site two groups share: a station is in its own country', () => {
    const shared: TwoTierProblem = {
      latency: [[5, 5], [5, 5]], sloMs: [20, 20], weights: [1, 1], group: [0, 1], resident: [true, true], groupCount: 2,
      centreAllowed: [[true, false], [true, false]], stationAllowed: [[false, true], [false, true]],
      backboneMs: [[0, 10], [10, 0]], syncSloMs: 50, replicationSloMs: Infinity, costs: null, objective: 'fewest-regions', required: [], timeLimitMs: 1000,
    };
    expect(() => solveTwoTier(shared)).toThrow(/station of two groups/);
  });

  it('returns a feasible plan with a sound bound under a zero time limit', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const p = randomProblem(mulberry32(1000 + seed), { sites: [14, 14], groups: [6, 6], marketsPerGroup: [1, 3], timeLimitMs: 0, sharedStations: false });
      const solution = solveTwoTier(p);
      expect(['feasible', 'optimal']).toContain(solution.status);
      expect(solution.bound).toBeLessThanOrEqual(primary(p, solution.score) + 1e-9);
      expect(problemsOf(p, solution)).toEqual([]);
    }
  });
});

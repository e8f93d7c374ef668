// The two-tier search on matrices: choose regional centres (a set of sites, every pair within the
// replication SLO), give every country group a centre and every group with resident markets a
// national station in its country that syncs with that centre within the sync SLO.
//
// Plans are compared lexicographically: most parts assigned (a centre per group, a synced station
// per resident group), then most demand weight within its SLO, then fewest sites (or least cost),
// then least cost (or fewest sites), then least demand-weighted RTT. Given the centres, each group's
// best choice is independent of the others', and the sum of per-group lexicographic optima is the
// lexicographic optimum, so a centre set is scored exactly by one pass over the groups. The
// centre sets are searched depth-first, include before exclude, pruned by bounds: the score with
// every remaining compatible site added bounds what the subtree can reach in assignment and
// coverage (both only grow with more centres), and the sites (or cost) already chosen bound from
// below what it must pay. A search that finishes has proven its answer optimal.

import { InvalidArgumentError } from '../errors.js';

export interface TwoTierProblem {
  /** Market x site RTT (ms) as the market may use it: +Infinity where a rule or the network forbids it. */
  readonly latency: readonly (readonly number[])[];
  readonly sloMs: readonly number[];
  readonly weights: readonly number[];
  /** Each market's group (its country). */
  readonly group: readonly number[];
  /** Markets whose data stays in-country: served by their group's station, not its centre. */
  readonly resident: readonly boolean[];
  readonly groupCount: number;
  /** Group x site: may the site be the group's centre (the data zones of all its markets allow it). */
  readonly centreAllowed: readonly (readonly boolean[])[];
  /** Group x site: may the site be the group's national station (in its country, so no site is two groups' station). */
  readonly stationAllowed: readonly (readonly boolean[])[];
  /** Site x site backbone RTT (ms). */
  readonly backboneMs: readonly (readonly number[])[];
  readonly syncSloMs: number;
  /** +Infinity for no limit. */
  readonly replicationSloMs: number;
  /** Per site; null counts every site as costing nothing. */
  readonly costs: readonly number[] | null;
  readonly objective: 'fewest-regions' | 'least-cost';
  /** Sites always among the centres. */
  readonly required: readonly number[];
  readonly timeLimitMs: number;
}

/** A plan's score, compared field by field in the order the objective gives. */
export interface TwoTierScore {
  readonly assigned: number;
  readonly coveredWeight: number;
  readonly sites: number;
  readonly cost: number;
  readonly weightedRttMs: number;
}

export interface TwoTierSolution {
  readonly status: 'optimal' | 'feasible';
  /** Centre site indices, ascending. */
  readonly centres: readonly number[];
  /** Per group: its centre, or -1. */
  readonly centreOf: readonly number[];
  /** Per group: its station, or -1 (no resident markets, or none can sync). */
  readonly stationOf: readonly number[];
  readonly score: TwoTierScore;
  /** Proven lower bound on the objective's primary figure (sites, or cost). */
  readonly bound: number;
  /** Centre sets scored. */
  readonly nodes: number;
}

/** An RTT beyond any SLO: an unreachable market weighs this in the RTT tie-break, not nothing. */
const UNREACHABLE_MS = 10_000;
const EPSILON = 1e-9;

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Negative when `a` is the better score under the objective. */
export function compareScores(a: TwoTierScore, b: TwoTierScore, objective: TwoTierProblem['objective']): number {
  if (a.assigned !== b.assigned) return b.assigned - a.assigned;
  if (!near(a.coveredWeight, b.coveredWeight)) return b.coveredWeight - a.coveredWeight;
  const order: (keyof TwoTierScore)[] = objective === 'least-cost' ? ['cost', 'sites', 'weightedRttMs'] : ['sites', 'cost', 'weightedRttMs'];
  for (const key of order) if (!near(a[key], b[key])) return a[key] - b[key];
  return 0;
}

export interface GroupChoice {
  centre: number;
  station: number;
  assigned: number;
  coveredWeight: number;
  sites: number;
  cost: number;
  weightedRttMs: number;
}

/** The pieces of the problem each group's choice reads, computed once. */
export class TwoTierModel {
  readonly problem: TwoTierProblem;
  readonly siteCount: number;
  private readonly centreMarkets: number[][];
  private readonly residentMarkets: number[][];
  private readonly stations: number[][];

  constructor(problem: TwoTierProblem) {
    this.problem = problem;
    this.siteCount = problem.backboneMs.length;
    this.centreMarkets = Array.from({ length: problem.groupCount }, () => []);
    this.residentMarkets = Array.from({ length: problem.groupCount }, () => []);
    problem.group.forEach((g, i) => (problem.resident[i] ? this.residentMarkets : this.centreMarkets)[g].push(i));
    this.stations = problem.stationAllowed.map((row) => row.flatMap((allowed, j) => (allowed ? [j] : [])));
    // What each site does for each group's markets is fixed: the search asks it again and again.
    const tally = (markets: readonly number[]) => Array.from({ length: this.siteCount + 1 }, (_, k) => this.served(markets, k - 1));
    this.byCentre = this.centreMarkets.map(tally);
    this.byStation = this.residentMarkets.map(tally);
  }

  /** Group x (site + 1): covered weight and weighted RTT of its centre-served and resident markets; index 0 is no site. */
  private readonly byCentre: { covered: number; rtt: number }[][];
  private readonly byStation: { covered: number; rtt: number }[][];


  private served(markets: readonly number[], site: number): { covered: number; rtt: number } {
    const { latency, sloMs, weights } = this.problem;
    let covered = 0;
    let rtt = 0;
    for (const i of markets) {
      const ms = site < 0 ? Infinity : latency[i][site];
      if (ms <= sloMs[i]) covered += weights[i];
      rtt += weights[i] * Math.min(ms, UNREACHABLE_MS);
    }
    return { covered, rtt };
  }

  syncs(station: number, centre: number): boolean {
    return station === centre || this.problem.backboneMs[station][centre] <= this.problem.syncSloMs;
  }

  /** The group's best centre among `centres` (and station), given which sites are already centres. */
  bestFor(g: number, centres: readonly number[], isCentre: readonly boolean[]): GroupChoice {
    const { centreAllowed, costs, objective } = this.problem;
    const residents = this.residentMarkets[g].length > 0;
    let best: GroupChoice | null = null;
    const consider = (choice: GroupChoice) => {
      if (best === null || compareScores(choice, best, objective) < 0) best = choice;
    };
    const unserved = this.byStation[g][0].rtt;
    for (const centre of [...centres.filter((j) => centreAllowed[g][j]), -1]) {
      const byCentre = this.byCentre[g][centre + 1];
      const base = { centre, station: -1, assigned: centre >= 0 ? 1 : 0, coveredWeight: byCentre.covered, sites: 0, cost: 0, weightedRttMs: byCentre.rtt + unserved };
      consider(base);
      if (!residents || centre < 0) continue;
      for (const station of this.stations[g]) {
        if (!this.syncs(station, centre)) continue;
        const byStation = this.byStation[g][station + 1];
        const extra = isCentre[station] ? 0 : 1;
        consider({
          centre, station, assigned: 2, coveredWeight: byCentre.covered + byStation.covered,
          sites: extra, cost: extra === 0 || costs === null ? 0 : costs[station], weightedRttMs: byCentre.rtt + byStation.rtt,
        });
      }
    }
    return best as unknown as GroupChoice;
  }

  /**
   * The least demand-weighted RTT the group can have at `level` with a centre among `centres`:
   * what any plan in a subtree that must keep that level pays at least, whatever sites it opens.
   */
  rttFloor(g: number, centres: readonly number[], level: Pick<TwoTierScore, 'assigned' | 'coveredWeight'>): number {
    const { centreAllowed } = this.problem;
    let floor = Infinity;
    const at = (assigned: number, covered: number) => assigned === level.assigned && near(covered, level.coveredWeight);
    if (at(0, this.byCentre[g][0].covered)) floor = this.byCentre[g][0].rtt + this.byStation[g][0].rtt;
    for (const centre of centres) {
      if (!centreAllowed[g][centre]) continue;
      const byCentre = this.byCentre[g][centre + 1];
      if (at(1, byCentre.covered)) floor = Math.min(floor, byCentre.rtt + this.byStation[g][0].rtt);
      if (this.residentMarkets[g].length === 0) continue;
      for (const station of this.stations[g]) {
        const byStation = this.byStation[g][station + 1];
        if (this.syncs(station, centre) && at(2, byCentre.covered + byStation.covered)) floor = Math.min(floor, byCentre.rtt + byStation.rtt);
      }
    }
    return floor;
  }

  /** The exact score of a centre set, with each group's choice. */
  evaluate(centres: readonly number[]): { score: TwoTierScore; choices: GroupChoice[] } {
    const isCentre = new Array<boolean>(this.siteCount).fill(false);
    for (const j of centres) isCentre[j] = true;
    const { costs } = this.problem;
    const score = { assigned: 0, coveredWeight: 0, sites: centres.length, cost: costs === null ? 0 : centres.reduce((sum, j) => sum + costs[j], 0), weightedRttMs: 0 };
    const choices: GroupChoice[] = [];
    for (let g = 0; g < this.problem.groupCount; g++) {
      const choice = this.bestFor(g, centres, isCentre);
      choices.push(choice);
      score.assigned += choice.assigned;
      score.coveredWeight += choice.coveredWeight;
      score.sites += choice.sites;
      score.cost += choice.cost;
      score.weightedRttMs += choice.weightedRttMs;
    }
    return { score, choices };
  }

  /** Whether two sites may both be centres. */
  replicates(a: number, b: number): boolean {
    const { backboneMs, replicationSloMs } = this.problem;
    return Math.max(backboneMs[a][b], backboneMs[b][a]) <= replicationSloMs;
  }
}

export function solveTwoTier(problem: TwoTierProblem): TwoTierSolution {
  const started = performance.now();
  // Scores add up per group only because no two groups can share a station.
  for (let j = 0; j < problem.backboneMs.length; j++) {
    if (problem.stationAllowed.filter((row) => row[j]).length > 1) {
      throw new InvalidArgumentError(`stationAllowed[*][${j}]`, 'allows one site as the station of two groups; a station is in its group\'s country, so give each site to one group at most.');
    }
  }
  const model = new TwoTierModel(problem);
  const { objective, costs } = problem;
  const primary = (score: { sites: number; cost: number }) => (objective === 'least-cost' ? score.cost : score.sites);
  const secondary = (score: { sites: number; cost: number }) => (objective === 'least-cost' ? score.sites : score.cost);
  const costOf = (j: number) => (costs === null ? 0 : costs[j]);
  const required = [...new Set(problem.required)].sort((a, b) => a - b);
  // Sites that could be some group's centre, the most useful alone first so good plans come early.
  const useful = Array.from({ length: model.siteCount }, (_, j) => j)
    .filter((j) => !required.includes(j) && problem.centreAllowed.some((row) => row[j]) && required.every((r) => model.replicates(r, j)));
  const alone = new Map(useful.map((j) => [j, model.evaluate([...required, j]).score]));
  useful.sort((a, b) => compareScores(alone.get(a) as TwoTierScore, alone.get(b) as TwoTierScore, objective) || a - b);

  // A greedy plan first: the answer if time runs out, and a bar the search must clear from the start.
  let bestCentres = [...required];
  let best = model.evaluate(bestCentres);
  for (;;) {
    let step: { centres: number[]; result: ReturnType<TwoTierModel['evaluate']> } | null = null;
    for (const j of useful) {
      if (bestCentres.includes(j) || !bestCentres.every((c) => model.replicates(c, j))) continue;
      const centres = [...bestCentres, j];
      const result = model.evaluate(centres);
      if (compareScores(result.score, (step?.result ?? best).score, objective) < 0) step = { centres, result };
    }
    if (step === null) break;
    ({ centres: bestCentres, result: best } = step);
  }
  // Each group's level (parts assigned, demand covered) with one centre alone: a group's level in a
  // plan is that of its one centre, so these bound what any set of centres can do for it.
  const none = new Array<boolean>(model.siteCount).fill(false);
  const levelAlone = Array.from({ length: problem.groupCount }, (_, g) => useful.map((j) => {
    const choice = model.bestFor(g, [j], none);
    return { assigned: choice.assigned, coveredWeight: choice.coveredWeight };
  }));
  const usefulIndex = new Map(useful.map((j, index) => [j, index]));
  /**
   * A lower bound on what sites must still be added when the subtree can at best tie the best
   * plan's level: then every group must reach its level in `reach`, and groups that fall short now
   * and whose only ways there are disjoint sets of open sites need that many distinct new centres.
   */
  const stillToPay = (current: GroupChoice[], reach: GroupChoice[], open: readonly number[]) => {
    const needs: number[][] = [];
    for (let g = 0; g < problem.groupCount; g++) {
      const target = reach[g];
      if (current[g].assigned === target.assigned && near(current[g].coveredWeight, target.coveredWeight)) continue;
      needs.push(open.filter((j) => {
        const level = levelAlone[g][usefulIndex.get(j) as number];
        return level.assigned === target.assigned && near(level.coveredWeight, target.coveredWeight);
      }));
    }
    needs.sort((a, b) => a.length - b.length);
    const taken = new Set<number>();
    let sites = 0;
    let cost = 0;
    for (const sitesOfGroup of needs) {
      if (sitesOfGroup.some((j) => taken.has(j))) continue;
      for (const j of sitesOfGroup) taken.add(j);
      sites++;
      cost += Math.min(...sitesOfGroup.map(costOf));
    }
    return { sites, cost };
  };

  let nodes = 1;
  let timedOut = false;
  let openBound = Infinity;
  const chosen = [...required];
  const visit = (from: number, candidates: readonly number[], current: { score: TwoTierScore; choices: GroupChoice[] }): void => {
    // Every site still open to this subtree, added at once, bounds its assignment and coverage.
    const open = candidates.filter((j) => (usefulIndex.get(j) as number) >= from);
    const reach = model.evaluate([...chosen, ...open]);
    const bestScore = best.score;
    if (reach.score.assigned < bestScore.assigned) return;
    if (reach.score.assigned === bestScore.assigned && reach.score.coveredWeight < bestScore.coveredWeight && !near(reach.score.coveredWeight, bestScore.coveredWeight)) return;
    const level = reach.score.assigned === bestScore.assigned && near(reach.score.coveredWeight, bestScore.coveredWeight);
    const paid = { sites: chosen.length, cost: chosen.reduce((sum, j) => sum + costOf(j), 0) };
    if (level) {
      const more = stillToPay(current.choices, reach.choices, open);
      paid.sites += more.sites;
      paid.cost += more.cost;
    }
    if (level && primary(paid) > primary(bestScore) && !near(primary(paid), primary(bestScore))) return;
    if (level && near(primary(paid), primary(bestScore)) && secondary(paid) > secondary(bestScore) && !near(secondary(paid), secondary(bestScore))) return;
    if (level && near(primary(paid), primary(bestScore)) && near(secondary(paid), secondary(bestScore))) {
      // Only the RTT can still break the tie: prune when no plan here can be faster.
      const within = [...chosen, ...open];
      let floor = 0;
      for (let g = 0; g < problem.groupCount; g++) floor += model.rttFloor(g, within, reach.choices[g]);
      if (floor > bestScore.weightedRttMs && !near(floor, bestScore.weightedRttMs)) return;
    }
    if (performance.now() - started > problem.timeLimitMs) {
      timedOut = true;
      openBound = Math.min(openBound, primary(paid));
      return;
    }
    for (const j of open) {
      chosen.push(j);
      nodes++;
      const result = model.evaluate(chosen);
      if (compareScores(result.score, best.score, objective) < 0) {
        best = result;
        bestCentres = [...chosen];
      }
      visit((usefulIndex.get(j) as number) + 1, open.filter((c) => c !== j && model.replicates(c, j)), result);
      chosen.pop();
      if (timedOut) {
        // The branches not yet searched are in this node's subtree, which its bound covers.
        openBound = Math.min(openBound, primary(paid));
        return;
      }
    }
  };
  visit(0, useful, model.evaluate(required));
  // A centre no group uses is only a station's site, which then counts the same (or, if the search
  // stopped early, less): drop such centres until none is left, re-scoring as they go, so the plan
  // lists as centres only sites that host countries (required sites stay).
  let centres = [...bestCentres].sort((a, b) => a - b);
  for (;;) {
    const used = new Set(best.choices.map((c) => c.centre));
    const kept = centres.filter((j) => used.has(j) || required.includes(j));
    if (kept.length === centres.length) break;
    centres = kept;
    best = model.evaluate(centres);
  }
  const bestPrimary = primary(best.score);
  return {
    status: timedOut ? 'feasible' : 'optimal',
    centres,
    centreOf: best.choices.map((c) => c.centre),
    stationOf: best.choices.map((c) => c.station),
    score: best.score,
    bound: timedOut ? Math.min(bestPrimary, openBound) : bestPrimary,
    nodes,
  };
}

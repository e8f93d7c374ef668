// plan(scenario): markets and SLOs in, a placement out. Models every market's RTT to every
// candidate over the scenario's network (the public internet by default) in one kernel pass, at
// the median and, with slo.confidence, at that quantile, plus each market's last-mile access;
// maps the objective onto solvePlacement (coverage objectives run on RTT / SLO so that each market
// keeps its own SLO), honours residency by hiding other countries' sites from in-country markets,
// and reports per market what serves it, how fast, and what backs it up.

import type { Feature, Point } from 'geojson';
import { complaintOf, InvalidArgumentError, publicEntry } from '../errors.js';
import { latencyMatrix } from '../latency/estimate.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/suggest.js';
import { NETWORK_DESCRIPTIONS, type Network } from '../latency/network.js';
import type { WhatIf } from '../latency/what-if.js';
import { solvePlacement } from '../placement/solve.js';
import type { PlacementProblem, PlacementResult } from '../placement/index.js';
import { pointGeometry } from '../world/geojson.js';
import { bundledWorld, type World } from '../world/world.js';
import { bundledGreenfield } from './greenfield.js';
import { zoneAllows } from './data-zones.js';
import { type PlanCandidate, type PlanMarket, type ResolvedScenario, resolveScenario, type Scenario } from './scenario.js';
import { backboneBetween, planTwoTier, type PlanTopology } from './two-tier.js';

/**
 * A market's one verdict, worded the same in every report: within its SLO from the plan's sites,
 * missing it (no chosen site within the SLO, or none reachable), or served by a national station.
 * @inline
 */
export type Verdict = 'met' | 'missed' | 'national station';

/** One market of a plan: what serves it, how fast, whether that meets its SLO, and its backup. */
export interface MarketOutcome {
  /** The market, as the scenario resolved it (weight, SLO, tier, access). */
  readonly market: PlanMarket;
  /** Met, missed, or served by a national station. */
  readonly verdict: Verdict;
  /** The chosen site serving the market (nearest allowed), or null when none reaches it. */
  readonly servedBy: string | null;
  /**
   * Which tier serves it: a region of a one-tier plan, or in a two-tier plan its country's regional
   * centre or national station; "station" in a one-tier plan is a national station outside the plan.
   */
  readonly servingTier: 'region' | 'centre' | 'station';
  /** RTT to the serving site as the SLO judges it: the confidence quantile (or the median), plus access. */
  readonly rttMs: number;
  /** Median RTT to the serving site, plus access. */
  readonly medianRttMs: number;
  /** Whether `rttMs` is within the market's SLO. */
  readonly sloMet: boolean;
  /** The next-nearest allowed chosen site: where the market fails over to. */
  readonly backup: string | null;
  /** RTT to the backup site as the SLO judges it, plus access; Infinity when there is none. */
  readonly backupRttMs: number;
  /** Chosen sites within the market's SLO. */
  readonly sitesWithinSlo: number;
  /** For an in-country market with no in-country site within its SLO: a local station serves it. */
  readonly nationalStation: boolean;
}

/** Options of {@link plan}: the world, the search time, and what-if cuts to plan under. */
export interface PlanOptions extends WhatIf {
  /** The world to plan on. @default the bundled world (cable systems in service in 2025) */
  readonly world?: World;
  /** The whole plan's search time, shared by its placement passes. @default 10000 */
  readonly timeLimitMs?: number;
}

const DEFAULT_TIME_LIMIT_MS = 10_000;

/**
 * What a plan's RTT figures are: the network, the quantile judged, the access included.
 * @inline
 */
export interface LatencyBasis {
  /** The network market-to-site RTTs take. */
  readonly network: Network;
  /** The quantile SLOs are judged on; null for the median. */
  readonly confidence: number | null;
  /** A sentence for reports: what every RTT in the plan includes. */
  readonly description: string;
}

/**
 * What a plan was made under: the cables and corridors cut, nodes removed, regions failed.
 * @inline
 */
export interface PlanStress {
  /** Cables cut whole, as given. */
  readonly cutCables: readonly string[];
  /** Corridors cut, as given. */
  readonly cutCorridors: readonly string[];
  /** Backbone nodes removed, as given. */
  readonly removeNodes: readonly string[];
  /** Regions failed, as given. */
  readonly removeRegions: readonly string[];
}

/**
 * A plan: the sites chosen for a scenario, every market's outcome against its SLO, the objective
 * with its proven bound, and what the RTT figures are. Made by {@link plan} and {@link whatIf};
 * read by the analyses and reports.
 */
export interface Plan {
  /** The scenario as resolved: concrete markets, candidates, objective and constraints. */
  readonly scenario: ResolvedScenario;
  /** What every RTT of the plan is: network, quantile judged, access included. */
  readonly latency: LatencyBasis;
  /** The what-if this plan was made under; every list empty for an unstressed plan. */
  readonly whatIf: PlanStress;
  /** 'optimal' when proven, 'feasible' when not, 'infeasible' when no choice of sites meets the scenario, 'unknown' when the search found none. */
  readonly status: PlacementResult['status'];
  /** The chosen sites, in candidate order. */
  readonly chosen: readonly PlanCandidate[];
  /** One outcome per market, in scenario order. */
  readonly markets: readonly MarketOutcome[];
  /** Demand weight within its SLO, of all demand weight, and how many markets got each verdict. */
  readonly coverage: {
    /** Demand weight of the markets within their SLO. */
    readonly coveredWeight: number;
    /** Demand weight of all markets. */
    readonly totalWeight: number;
    /** coveredWeight / totalWeight, from 0 to 1 (0 when there is no weight). */
    readonly share: number;
    /** How many markets got each verdict. */
    readonly markets: Readonly<Record<Verdict, number>>;
  };
  /** What the solver optimised, its value and proven bound. */
  readonly objective: {
    /** The objective's value for the chosen sites, in the solver's terms (a count, a cost, a weighted RTT sum in ms, ...). */
    readonly value: number;
    /** A proven bound on the optimum (lower when minimising, upper for most-covered), or null when none was proven. */
    readonly bound: number | null;
  };
  /** The chosen sites' total cost, when the scenario gives costs. */
  readonly cost: {
    /** Sum of the chosen sites' costs. */
    readonly total: number;
    /** What the costs are in, e.g. `per month`. */
    readonly unit: string;
  } | null;
  /** Centres, stations and their RTTs, for a two-tier scenario; null otherwise. */
  readonly topology: PlanTopology | null;
  /**
   * Market x candidate RTT (ms) as the plan may use it, row-major: failed regions and, for
   * in-country markets, sites abroad are +Infinity. Gap analysis and N-1 read it.
   */
  readonly rttMs: {
    /** Number of markets. */
    readonly rows: number;
    /** Number of candidates. */
    readonly cols: number;
    /** data[market * cols + candidate], in ms. */
    readonly data: Float64Array;
  };
  /** In words: whether the plan is optimal, and if not, why (what no site can serve, what stopped the search). */
  readonly explanation: string;
}

/** Latencies a market may use: residency hides every site outside its country, data zones every site they rule out. */
function allowedLatency(market: PlanMarket, candidate: PlanCandidate, rttMs: number): number {
  if (market.inCountry && candidate.country !== market.country) return Infinity;
  if (!zoneAllows(market.zone, candidate.country)) return Infinity;
  return rttMs;
}

function problemFor(scenario: ResolvedScenario, latency: number[][], servedDemand: boolean[], timeLimitMs: number): PlacementProblem {
  const weights = scenario.markets.map((market, i) => (servedDemand[i] ? market.weight : 0));
  const fixed = scenario.required.map((id) => scenario.candidates.findIndex((c) => c.id === id));
  const forbidden = scenario.excluded.map((id) => scenario.candidates.findIndex((c) => c.id === id));
  const common = { weights, fixed, forbidden, timeLimitMs };
  // Coverage objectives compare RTT / SLO with 1, so every market keeps its own SLO.
  const relative = latency.map((row, i) => row.map((rttMs) => rttMs / scenario.markets[i].sloMs));
  switch (scenario.objective) {
    case 'fewest-regions':
      return { ...common, latencyMs: relative, objective: 'set-cover', sloMs: 1, coverTimes: scenario.redundancy };
    case 'least-cost':
      return { ...common, latencyMs: relative, objective: 'set-cover', sloMs: 1, costs: scenario.costs as readonly number[] };
    case 'most-covered':
      return { ...common, latencyMs: relative, objective: 'max-coverage', sloMs: 1, k: scenario.k as number };
    case 'least-mean-latency':
      return { ...common, latencyMs: latency, objective: 'p-median', k: scenario.k as number };
    case 'least-worst-latency':
      return { ...common, latencyMs: latency, objective: 'p-center', k: scenario.k as number };
  }
}

/**
 * Coverage objectives have many optimal site sets (the least count that covers, the k that cover
 * most); prefer the one with the least demand-weighted RTT. A p-median over the same number of
 * sites, where a site beyond a market's SLO costs more than any whole plan, finds it; it is kept
 * only if it covers as much demand weight as the coverage optimum. With backup regions the cover
 * must hold each market's count too, which a p-median cannot express: swaps that keep every
 * market's count of sites within its SLO and lower the weighted RTT improve it instead.
 */
function closestCover(scenario: ResolvedScenario, latency: number[][], served: boolean[], cover: PlacementResult, timeLimitMs: number): number[] {
  if (cover.sites.length === 0) return cover.sites;
  if (scenario.redundancy > 1 || scenario.objective === 'least-cost') return closestBySwaps(scenario, latency, served, cover.sites);
  let worst = 0;
  for (const row of latency) for (const rttMs of row) if (Number.isFinite(rttMs) && rttMs > worst) worst = rttMs;
  const beyond = (worst + 1) * (scenario.markets.length + 1);
  const penalised = latency.map((row, i) => row.map((rttMs) => (rttMs <= scenario.markets[i].sloMs ? rttMs : beyond)));
  const base = problemFor(scenario, latency, served, timeLimitMs);
  const closest = solvePlacement({
    latencyMs: penalised, weights: scenario.markets.map((m, i) => (served[i] ? 1 : 0) * m.weight), objective: 'p-median', k: cover.sites.length,
    fixed: base.fixed, forbidden: base.forbidden, timeLimitMs,
  });
  const coveredWeight = (sites: readonly number[]) => penalised.reduce((sum, row, i) => sum + (served[i] && sites.some((j) => row[j] < beyond) ? scenario.markets[i].weight : 0), 0);
  return coveredWeight(closest.sites) >= coveredWeight(cover.sites) ? closest.sites : cover.sites;
}

/**
 * Least worst latency has many optimal site sets too: among those whose worst served RTT is the
 * optimum's, the least demand-weighted RTT, by a p-median where a latency beyond the optimum costs
 * more than any whole plan. Kept only if its worst RTT is no worse.
 */
function closestWithin(scenario: ResolvedScenario, latency: number[][], served: boolean[], center: PlacementResult, timeLimitMs: number): number[] {
  const worstOf = (sites: readonly number[]) => latency.reduce((worst, row, i) => {
    if (!served[i] || scenario.markets[i].weight === 0) return worst;
    const nearest = Math.min(...sites.map((j) => row[j]));
    return Number.isFinite(nearest) ? Math.max(worst, nearest) : worst;
  }, 0);
  const radius = worstOf(center.sites);
  let finiteWorst = 0;
  for (const row of latency) for (const rttMs of row) if (Number.isFinite(rttMs) && rttMs > finiteWorst) finiteWorst = rttMs;
  const beyond = (finiteWorst + 1) * (scenario.markets.length + 1);
  const base = problemFor(scenario, latency, served, timeLimitMs);
  const closest = solvePlacement({
    latencyMs: latency.map((row) => row.map((rttMs) => (rttMs <= radius ? rttMs : beyond))),
    weights: base.weights, objective: 'p-median', k: center.sites.length, fixed: base.fixed, forbidden: base.forbidden, timeLimitMs,
  });
  return worstOf(closest.sites) <= radius ? closest.sites : center.sites;
}

/**
 * Best-improvement swaps (one site out, one in) that keep every market's backup count and, for
 * least cost, never raise the cost; ties keep candidate order.
 */
function closestBySwaps(scenario: ResolvedScenario, latency: number[][], served: boolean[], sites: readonly number[]): number[] {
  const { markets, candidates, redundancy } = scenario;
  const required = new Set(scenario.required.map((id) => candidates.findIndex((c) => c.id === id)));
  const excluded = new Set(scenario.excluded.map((id) => candidates.findIndex((c) => c.id === id)));
  const within = (set: readonly number[], i: number) => set.filter((j) => latency[i][j] <= markets[i].sloMs).length;
  const keeps = markets.map((_, i) => served[i] && within(sites, i) >= redundancy);
  const costs = scenario.objective === 'least-cost' ? scenario.costs : null;
  const costOf = (set: readonly number[]) => (costs === null ? 0 : set.reduce((sum, j) => sum + costs[j], 0));
  const budget = costOf(sites) * (1 + 1e-12);
  const weightedRtt = (set: readonly number[]) => markets.reduce((sum, market, i) => {
    if (!served[i]) return sum;
    const nearest = Math.min(...set.map((j) => latency[i][j]));
    return Number.isFinite(nearest) ? sum + market.weight * nearest : sum;
  }, 0);
  let current = [...sites].sort((a, b) => a - b);
  let currentRtt = weightedRtt(current);
  for (;;) {
    let best: number[] | null = null;
    let bestRtt = currentRtt;
    for (const out of current) {
      if (required.has(out)) continue;
      for (let j = 0; j < candidates.length; j++) {
        if (current.includes(j) || excluded.has(j)) continue;
        const next = [...current.filter((site) => site !== out), j].sort((a, b) => a - b);
        if (!keeps.every((keep, i) => !keep || within(next, i) >= redundancy) || costOf(next) > budget) continue;
        const nextRtt = weightedRtt(next);
        if (nextRtt < bestRtt - 1e-9 * Math.max(1, bestRtt)) {
          best = next;
          bestRtt = nextRtt;
        }
      }
    }
    if (best === null) return current;
    current = best;
    currentRtt = bestRtt;
  }
}

/** Says in the scenario's own terms why a plan is infeasible or unproven. */
function explain(result: PlacementResult, scenario: ResolvedScenario): string {
  if (result.status !== 'infeasible') return result.explanation;
  const names = result.uncovered.map((i) => scenario.markets[i].id);
  if (names.length === 0) return result.explanation;
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? `, and ${names.length - 8} more` : '');
  const need = scenario.redundancy > 1 ? `${scenario.redundancy} allowed sites` : 'any allowed site';
  return `${names.length} market(s) missed: not within their SLO of ${need}: ${shown}. The plan serves the others.`;
}

/** What every market may see of every candidate under the what-if, and who needs a national station. */
export interface Pricing {
  /** The RTT SLOs are judged on: the confidence quantile (or the median), plus access. */
  readonly latency: number[][];
  /** The median RTT plus access. */
  readonly medianLatency: number[][];
  readonly nationalStation: boolean[];
}

/** A point with its country, so the internet model knows which country's networks it starts on. */
function located(coordinates: readonly [number, number], country: string | null): Point | Feature<Point> {
  const point = pointGeometry(coordinates);
  return country === null ? point : { type: 'Feature', geometry: point, properties: { country } };
}

export function latencyBasis(scenario: ResolvedScenario): LatencyBasis {
  const { network, confidence, markets } = scenario;
  const access = markets.some((m) => m.accessMs > 0) ? ", plus each market's stated last-mile access" : '';
  const judged = confidence === null ? 'SLOs are judged on the median' : `SLOs are judged on the ${Math.round(confidence * 100)}th percentile`;
  return {
    network,
    confidence,
    description: `Market-to-site RTT over the ${NETWORK_DESCRIPTIONS[network]}${access}; ${judged} of the modelled RTT.`,
  };
}

const PLAN_OPTION_NAMES = ['world', 'timeLimitMs', 'cutCables', 'cutCorridors', 'removeNodes', 'removeRegions'];

/** Checks a plan options object and the names in it (each option's value is checked where it is used). */
export function checkPlanOptions(options: unknown): asserts options is PlanOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError('options', `must be an object such as { cutCorridors: ["red-sea"] }; got ${describe(options)}.`);
  }
  for (const name of Object.keys(options)) {
    if (!PLAN_OPTION_NAMES.includes(name)) {
      throw new InvalidArgumentError(`options.${name}`, `is not an option.${didYouMean(name, PLAN_OPTION_NAMES)} Options: ${PLAN_OPTION_NAMES.join(', ')}.`);
    }
  }
  const { timeLimitMs } = options as PlanOptions;
  if (timeLimitMs !== undefined && !(typeof timeLimitMs === 'number' && Number.isFinite(timeLimitMs) && timeLimitMs > 0)) {
    throw new InvalidArgumentError('options.timeLimitMs', `must be a finite number of milliseconds > 0; got ${describe(timeLimitMs)}.`);
  }
}

/**
 * Checks regions named to fail: each must be a candidate of the scenario (a typo, or a region that
 * is closed or otherwise not a candidate, would leave the plan unchanged while looking stressed).
 */
export function checkFailedRegions(scenario: ResolvedScenario, world: World, ids: unknown, field: string): string[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new InvalidArgumentError(field, `must be an array of region ids; got ${describe(ids)}.`);
  }
  const candidateIds = scenario.candidates.map((c) => c.id);
  (ids as string[]).forEach((id, i) => {
    if (candidateIds.includes(id)) return;
    const region = world.regions.find((r) => r.id === id);
    const at = `${field}[${i}]`;
    if (region) {
      throw new InvalidArgumentError(at, `is "${id}", which is not a candidate of this scenario (its status is ${region.status}); fail one of the scenario's candidates.`);
    }
    throw new InvalidArgumentError(at, `is "${id}", which is not a region.${didYouMean(id, candidateIds)}`);
  });
  return ids as string[];
}

/**
 * Every scenario market's RTT to each of `sites` as the plan prices it: over the scenario's
 * network, at the median and at the confidence quantile, plus each market's access, under the
 * what-if; a failed site or one abroad for an in-country market is +Infinity.
 */
export function priceSites(scenario: ResolvedScenario, sites: readonly PlanCandidate[], options: PlanOptions, failed: ReadonlySet<string>) {
  const world = options.world ?? bundledWorld;
  const { markets, network, confidence } = scenario;
  const matrixAt = (quantile: number) => {
    try {
      return latencyMatrix(
        markets.map((m) => located(m.coordinates, m.country)),
        sites.map((c) => located(c.coordinates, c.country)),
        { world, network, quantile, cutCables: options.cutCables, cutCorridors: options.cutCorridors, removeNodes: options.removeNodes },
      );
    } catch (error) {
      // Name the market or site as the scenario did, not the matrix row it became.
      const match = error instanceof InvalidArgumentError ? /^(from|to)\[(\d+)\]/.exec(error.field) : null;
      if (!match || !(error instanceof InvalidArgumentError)) throw error;
      const field = match[1] === 'from' ? `scenario.markets ("${markets[Number(match[2])].id}")` : `scenario.candidates ("${sites[Number(match[2])].id}")`;
      throw new InvalidArgumentError(field, complaintOf(error));
    }
  };
  const median = matrixAt(0.5);
  const judged = confidence === null ? median : matrixAt(confidence);
  const price = (rtt: typeof median) => markets.map((market, i) => sites.map((site, j) => {
    if (failed.has(site.id)) return Infinity;
    return allowedLatency(market, site, rtt.data[i * rtt.cols + j] + market.accessMs);
  }));
  const latency = price(judged);
  return { latency, medianLatency: judged === median ? latency : price(median) };
}

export function priceScenario(scenario: ResolvedScenario, options: PlanOptions): Pricing {
  const world = options.world ?? bundledWorld;
  const failed = new Set(checkFailedRegions(scenario, world, options.removeRegions, 'options.removeRegions'));
  const { latency, medianLatency } = priceSites(scenario, scenario.candidates, options, failed);
  // An in-country market no in-country candidate serves within its SLO gets a national station
  // and leaves the regional placement.
  const nationalStation = scenario.markets.map((market, i) => market.inCountry && !latency[i].some((rttMs) => rttMs <= market.sloMs));
  return { latency, medianLatency, nationalStation };
}

/** Each market's serving site (nearest chosen), backup and SLO verdict. */
export function outcomesFor(scenario: ResolvedScenario, pricing: Pricing, chosenIndices: readonly number[]): MarketOutcome[] {
  const { latency, nationalStation } = pricing;
  return scenario.markets.map((market, i): MarketOutcome => {
    const ranked = chosenIndices.map((j) => ({ j, rttMs: latency[i][j] })).sort((a, b) => a.rttMs - b.rttMs || a.j - b.j);
    const first = ranked[0];
    const second = ranked[1];
    const rttMs = first?.rttMs ?? Infinity;
    return {
      market,
      verdict: nationalStation[i] ? 'national station' : rttMs <= market.sloMs ? 'met' : 'missed',
      servedBy: first && Number.isFinite(first.rttMs) ? scenario.candidates[first.j].id : null,
      servingTier: nationalStation[i] ? 'station' : 'region',
      rttMs,
      medianRttMs: first === undefined ? Infinity : pricing.medianLatency[i][first.j],
      sloMet: rttMs <= market.sloMs,
      backup: second && Number.isFinite(second.rttMs) ? scenario.candidates[second.j].id : null,
      backupRttMs: second?.rttMs ?? Infinity,
      sitesWithinSlo: ranked.filter((r) => r.rttMs <= market.sloMs).length,
      nationalStation: nationalStation[i],
    };
  });
}

export function coverageOf(outcomes: readonly MarketOutcome[]): Plan['coverage'] {
  const totalWeight = outcomes.reduce((sum, o) => sum + o.market.weight, 0);
  const coveredWeight = outcomes.reduce((sum, o) => sum + (o.sloMet ? o.market.weight : 0), 0);
  const markets: Record<Verdict, number> = { met: 0, missed: 0, 'national station': 0 };
  for (const outcome of outcomes) markets[outcome.verdict]++;
  return { coveredWeight, totalWeight, share: totalWeight === 0 ? 0 : coveredWeight / totalWeight, markets };
}

/**
 * Plans the scenario on the bundled world (or `options.world`), with optional what-if cuts: models
 * every market's RTT to every candidate over the scenario's network, chooses sites for the
 * objective, and reports every market against its SLO. Markets no candidate can serve are
 * explained, not dropped.
 *
 * @param scenarioInput - markets, SLOs, network, objective, candidates and constraints; every field
 *   has a default (all bundled markets, 100 ms, the public internet, fewest regions, operating regions)
 * @param options - world, timeLimitMs (default 10000, shared by the whole plan) and what-if cuts
 * @throws {@link InvalidArgumentError} naming the JSON path of the first bad scenario field (with the
 *   closest known id for an unknown one), or a bad option
 * @example
 * ```ts
 * import { plan } from 'geoslo';
 *
 * const result = plan({
 *   markets: { countries: ['ID', 'TH', 'SG', 'AE', 'SA', 'MX', 'BR'] },
 *   slo: { defaultMs: 100, confidence: 0.9 },
 *   constraints: { required: ['ap-southeast-1'] },
 * });
 * result.chosen.map((site) => site.id); // the regions chosen
 * result.coverage.share; // share of demand weight within its SLO
 * ```
 */
export function plan(scenarioInput: Scenario = {}, options: PlanOptions = {}): Plan {
  return publicEntry('plan', () => {
    checkPlanOptions(options);
    const world = options.world ?? bundledWorld;
    return planResolved(resolveScenario(scenarioInput, world, bundledGreenfield(world)), options);
  });
}

export function planResolved(scenario: ResolvedScenario, options: PlanOptions): Plan {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const pricing = priceScenario(scenario, options);
  const solved = scenario.topology === null ? planOneTier(scenario, pricing, timeLimitMs) : planTwoTierScenario(scenario, pricing, options, timeLimitMs);
  const { chosenIndices, outcomes } = solved;
  const costs = scenario.costs;
  const plan: Plan = {
    scenario,
    latency: latencyBasis(scenario),
    whatIf: {
      cutCables: [...(options.cutCables ?? [])], cutCorridors: [...(options.cutCorridors ?? [])],
      removeNodes: [...(options.removeNodes ?? [])], removeRegions: [...(options.removeRegions ?? [])],
    },
    status: solved.status,
    chosen: chosenIndices.map((j) => scenario.candidates[j]),
    markets: outcomes,
    coverage: coverageOf(outcomes),
    objective: solved.objective,
    cost: costs === null ? null : { total: chosenIndices.reduce((sum, j) => sum + costs[j], 0), unit: scenario.costUnit },
    topology: solved.topology,
    rttMs: { rows: scenario.markets.length, cols: scenario.candidates.length, data: Float64Array.from(pricing.latency.flat()) },
    explanation: solved.explanation,
  };
  planWorlds.set(plan, options.world ?? bundledWorld);
  return plan;
}

type Solved = Pick<Plan, 'status' | 'objective' | 'topology' | 'explanation'> & { readonly chosenIndices: readonly number[]; readonly outcomes: MarketOutcome[] };

function planOneTier(scenario: ResolvedScenario, pricing: Pricing, timeLimitMs: number): Solved {
  const started = performance.now();
  const { latency, nationalStation } = pricing;
  const served = nationalStation.map((local) => !local);
  const result = solvePlacement(problemFor(scenario, latency, served, timeLimitMs));
  const coverage = scenario.objective === 'fewest-regions' || scenario.objective === 'most-covered' || scenario.objective === 'least-cost';
  // The tie-breaking pass shares the plan's time limit rather than starting its own.
  const remainingMs = timeLimitMs - (performance.now() - started);
  let chosenIndices = result.sites;
  if (remainingMs > 0 && coverage) chosenIndices = closestCover(scenario, latency, served, result, remainingMs);
  if (remainingMs > 0 && scenario.objective === 'least-worst-latency') chosenIndices = closestWithin(scenario, latency, served, result, remainingMs);
  return {
    chosenIndices,
    outcomes: outcomesFor(scenario, pricing, chosenIndices),
    status: result.status,
    objective: { value: result.objective, bound: result.lowerBound },
    topology: null,
    explanation: explain(result, scenario),
  };
}

function planTwoTierScenario(scenario: ResolvedScenario, pricing: Pricing, options: PlanOptions, timeLimitMs: number): Solved {
  const failed = new Set(options.removeRegions ?? []);
  return planTwoTier(scenario, pricing, backboneBetween(scenario, options, failed), failed, timeLimitMs);
}

// The world each plan was made on, so that analyses of it price what the plan priced.
const planWorlds = new WeakMap<Plan, World>();

/** Checks that a report is given a plan (as plan() and whatIf() make them), not something else. */
export function checkPlan(result: unknown): asserts result is Plan {
  const candidate = result as Partial<Plan> | null;
  const shaped = typeof candidate === 'object' && candidate !== null && Array.isArray(candidate.markets) && Array.isArray(candidate.chosen)
    && typeof candidate.scenario === 'object' && typeof candidate.latency === 'object' && typeof candidate.whatIf === 'object';
  if (!shaped) throw new InvalidArgumentError('plan', `must be a plan made by plan() or whatIf(); got ${describe(result)}.`);
}

/** The options a plan was made with (its world and what-if), for analyses that re-price it. */
export function optionsOf(result: Plan): PlanOptions {
  return { ...result.whatIf, world: planWorlds.get(result) ?? bundledWorld };
}

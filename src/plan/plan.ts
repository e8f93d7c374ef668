// plan(scenario): markets and SLOs in, a placement out. Models every market's RTT to every
// candidate over the scenario's network (the public internet by default) in one kernel pass, at
// the median and, with slo.confidence, at that quantile, plus each market's last-mile access;
// maps the objective onto solvePlacement (coverage objectives run on RTT / SLO so that each market
// keeps its own SLO), honours residency by hiding other countries' sites from in-country markets,
// and reports per market what serves it, how fast, and what backs it up.

import { latencyMatrix } from '../latency/estimate.js';
import { NETWORK_DESCRIPTIONS, type Network } from '../latency/network.js';
import type { WhatIf } from '../latency/what-if.js';
import { solvePlacement } from '../placement/solve.js';
import type { PlacementProblem, PlacementResult } from '../placement/index.js';
import { bundledWorld, type World } from '../world/world.js';
import { bundledGreenfield } from './greenfield.js';
import { type PlanCandidate, type PlanMarket, type ResolvedScenario, resolveScenario, type Scenario } from './scenario.js';

export interface MarketOutcome {
  readonly market: PlanMarket;
  /** The chosen site serving the market (nearest allowed), or null when none reaches it. */
  readonly servedBy: string | null;
  /** RTT to the serving site as the SLO judges it: the confidence quantile (or the median), plus access. */
  readonly rttMs: number;
  /** Median RTT to the serving site, plus access. */
  readonly medianRttMs: number;
  readonly sloMet: boolean;
  /** The next-nearest allowed chosen site: where the market fails over to. */
  readonly backup: string | null;
  readonly backupRttMs: number;
  /** Chosen sites within the market's SLO. */
  readonly sitesWithinSlo: number;
  /** For an in-country market with no in-country site within its SLO: a local station serves it. */
  readonly nationalStation: boolean;
}

export interface PlanOptions extends WhatIf {
  readonly world?: World;
  readonly timeLimitMs?: number;
}

/** What a plan's RTT figures are: the network, the quantile judged, the access included. */
export interface LatencyBasis {
  readonly network: Network;
  /** The quantile SLOs are judged on; null for the median. */
  readonly confidence: number | null;
  /** A sentence for reports: what every RTT in the plan includes. */
  readonly description: string;
}

export interface Plan {
  readonly scenario: ResolvedScenario;
  readonly latency: LatencyBasis;
  readonly status: PlacementResult['status'];
  /** The chosen sites, in candidate order. */
  readonly chosen: readonly PlanCandidate[];
  readonly markets: readonly MarketOutcome[];
  /** Demand weight within its SLO, of all demand weight. */
  readonly coverage: { readonly coveredWeight: number; readonly totalWeight: number; readonly share: number };
  /** What the solver optimised, its value and proven bound. */
  readonly objective: { readonly value: number; readonly bound: number | null };
  /**
   * Market x candidate RTT (ms) as the plan may use it, row-major: failed regions and, for
   * in-country markets, sites abroad are +Infinity. Gap analysis and N-1 read it.
   */
  readonly rttMs: { readonly rows: number; readonly cols: number; readonly data: Float64Array };
  readonly explanation: string;
}

/** Latencies a market may use: residency hides every site outside its country. */
function allowedLatency(market: PlanMarket, candidate: PlanCandidate, rttMs: number): number {
  if (market.inCountry && candidate.country !== market.country) return Infinity;
  return rttMs;
}

function problemFor(scenario: ResolvedScenario, latency: number[][], servedDemand: boolean[], timeLimitMs: number | undefined): PlacementProblem {
  const weights = scenario.markets.map((market, i) => (servedDemand[i] ? market.weight : 0));
  const fixed = scenario.required.map((id) => scenario.candidates.findIndex((c) => c.id === id));
  const forbidden = scenario.excluded.map((id) => scenario.candidates.findIndex((c) => c.id === id));
  const common = { weights, fixed, forbidden, ...(timeLimitMs === undefined ? {} : { timeLimitMs }) };
  // Coverage objectives compare RTT / SLO with 1, so every market keeps its own SLO.
  const relative = latency.map((row, i) => row.map((rttMs) => rttMs / scenario.markets[i].sloMs));
  switch (scenario.objective) {
    case 'fewest-regions':
      return { ...common, latencyMs: relative, objective: 'set-cover', sloMs: 1, coverTimes: scenario.redundancy };
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
 * only if it covers as much demand weight as the coverage optimum.
 */
function closestCover(scenario: ResolvedScenario, latency: number[][], served: boolean[], cover: PlacementResult, timeLimitMs: number | undefined): number[] {
  if (cover.sites.length === 0 || scenario.redundancy > 1) return cover.sites;
  let worst = 0;
  for (const row of latency) for (const rttMs of row) if (Number.isFinite(rttMs) && rttMs > worst) worst = rttMs;
  const beyond = (worst + 1) * (scenario.markets.length + 1);
  const penalised = latency.map((row, i) => row.map((rttMs) => (rttMs <= scenario.markets[i].sloMs ? rttMs : beyond)));
  const base = problemFor(scenario, latency, served, timeLimitMs);
  const closest = solvePlacement({
    latencyMs: penalised, weights: scenario.markets.map((m, i) => (served[i] ? 1 : 0) * m.weight), objective: 'p-median', k: cover.sites.length,
    fixed: base.fixed, forbidden: base.forbidden, ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
  });
  const coveredWeight = (sites: readonly number[]) => penalised.reduce((sum, row, i) => sum + (served[i] && sites.some((j) => row[j] < beyond) ? scenario.markets[i].weight : 0), 0);
  return coveredWeight(closest.sites) >= coveredWeight(cover.sites) ? closest.sites : cover.sites;
}

/** Says in the scenario's own terms why a plan is infeasible or unproven. */
function explain(result: PlacementResult, scenario: ResolvedScenario): string {
  if (result.status !== 'infeasible') return result.explanation;
  const names = result.uncovered.map((i) => scenario.markets[i].id);
  if (names.length === 0) return result.explanation;
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? `, and ${names.length - 8} more` : '');
  const need = scenario.redundancy > 1 ? `${scenario.redundancy} allowed sites` : 'any allowed site';
  return `${names.length} market(s) cannot be served within their SLO by ${need}: ${shown}. The plan serves the others.`;
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
function located(coordinates: readonly [number, number], country: string | null) {
  const point = { type: 'Point' as const, coordinates: [...coordinates] };
  return country === null ? point : { type: 'Feature' as const, geometry: point, properties: { country } };
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

export function priceScenario(scenario: ResolvedScenario, options: PlanOptions): Pricing {
  const world = options.world ?? bundledWorld;
  const { markets, candidates, network, confidence } = scenario;
  const matrixAt = (quantile: number) => latencyMatrix(
    markets.map((m) => located(m.coordinates, m.country)),
    candidates.map((c) => located(c.coordinates, c.country)),
    { world, network, quantile, cutCables: options.cutCables, cutCorridors: options.cutCorridors, removeNodes: options.removeNodes },
  );
  const median = matrixAt(0.5);
  const judged = confidence === null ? median : matrixAt(confidence);
  const failed = new Set(options.removeRegions ?? []);
  const price = (rtt: typeof median) => markets.map((market, i) => candidates.map((candidate, j) => {
    if (failed.has(candidate.id)) return Infinity;
    return allowedLatency(market, candidate, rtt.data[i * rtt.cols + j] + market.accessMs);
  }));
  const latency = price(judged);
  // An in-country market no in-country candidate serves within its SLO gets a national station
  // and leaves the regional placement.
  const nationalStation = markets.map((market, i) => market.inCountry && !latency[i].some((rttMs) => rttMs <= market.sloMs));
  return { latency, medianLatency: judged === median ? latency : price(median), nationalStation };
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
      servedBy: first && Number.isFinite(first.rttMs) ? scenario.candidates[first.j].id : null,
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
  return { coveredWeight, totalWeight, share: totalWeight === 0 ? 0 : coveredWeight / totalWeight };
}

/** Plans the scenario on the bundled world (or `options.world`), with optional what-if cuts. */
export function plan(scenarioInput: Scenario | unknown = {}, options: PlanOptions = {}): Plan {
  const world = options.world ?? bundledWorld;
  return planResolved(resolveScenario(scenarioInput, world, bundledGreenfield(world)), options);
}

export function planResolved(scenario: ResolvedScenario, options: PlanOptions): Plan {
  const pricing = priceScenario(scenario, options);
  const { latency, nationalStation } = pricing;
  const served = nationalStation.map((local) => !local);
  const result = solvePlacement(problemFor(scenario, latency, served, options.timeLimitMs));
  const coverage = scenario.objective === 'fewest-regions' || scenario.objective === 'most-covered';
  const chosenIndices = coverage ? closestCover(scenario, latency, served, result, options.timeLimitMs) : result.sites;
  const outcomes = outcomesFor(scenario, pricing, chosenIndices);
  return {
    scenario,
    latency: latencyBasis(scenario),
    status: result.status,
    chosen: chosenIndices.map((j) => scenario.candidates[j]),
    markets: outcomes,
    coverage: coverageOf(outcomes),
    objective: { value: result.objective, bound: result.lowerBound },
    rttMs: { rows: scenario.markets.length, cols: scenario.candidates.length, data: Float64Array.from(latency.flat()) },
    explanation: explain(result, scenario),
  };
}

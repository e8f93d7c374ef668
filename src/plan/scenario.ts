// A planning scenario as users write it (JSON), checked field by field: every error names the JSON
// path of the bad field and the values allowed there, and unknown ids suggest the closest known id.
// The result is a resolved scenario: concrete markets with weights and SLOs, concrete candidates.

import type { LonLat } from '../geo/coordinates.js';
import type { Network } from '../latency/network.js';
import type { RegionStatus } from '../world/records.js';
import type { World } from '../world/world.js';
import { readCosts, readDemandWeights } from './costs-and-demand.js';
import { type MarketZone, readDataZones, readSelector, zoneAllows } from './data-zones.js';
import { knownId, Reader } from './scenario-reader.js';
import { readTopology, type Topology } from './topology.js';

export { PLAN_OBJECTIVES, type PlanObjective } from './scenario-schema.js';
import type * as v from 'valibot';
import {
  checkScenarioShape, type DeepReadonly, type PlanObjective, type pointSchema, type scenarioSchema, type tierSchema,
} from './scenario-schema.js';

/** A market or greenfield site of the user's own, at a point `[lon, lat]`. */
export type CustomPoint = DeepReadonly<v.InferOutput<typeof pointSchema>>;

/** A group of markets with an SLO of its own, e.g. a real-time tier, by market id or country. */
export type SloTier = DeepReadonly<v.InferOutput<typeof tierSchema>>;

/**
 * A planning scenario as users write it (JSON): markets, SLOs, network, objective, candidates,
 * constraints and topology; every field is optional (see {@link plan}). The type comes from the
 * scenario schema, which also checks scenarios at run time and is the JSON Schema editors use.
 */
export type Scenario = DeepReadonly<v.InferOutput<typeof scenarioSchema>>;

/** A market as the scenario resolved it: where it is, its weight, SLO, tier and constraints. */
export interface PlanMarket {
  /** Bundled market id or custom point id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** ISO 3166-1 alpha-2, or null for a custom point without one. */
  readonly country: string | null;
  /** `[lon, lat]` in degrees. */
  readonly coordinates: LonLat;
  /** Demand weight. */
  readonly weight: number;
  /** RTT SLO in ms. */
  readonly sloMs: number;
  /** SLO tier name, or "default". */
  readonly tier: string;
  /** Whether residency keeps its data in its own country. */
  readonly inCountry: boolean;
  /** Last-mile ms added to every RTT of this market. */
  readonly accessMs: number;
  /** Where its data may be served from (besides residency). */
  readonly zone: MarketZone;
}

/** A candidate site: a region or a greenfield site. */
export interface PlanCandidate {
  /** Region id, bundled greenfield id (`greenfield:<market id>`) or custom point id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Whether it is one of the provider's regions or a greenfield site. */
  readonly kind: 'region' | 'greenfield';
  /** ISO 3166-1 alpha-2, or null for a custom point without one. */
  readonly country: string | null;
  /** `[lon, lat]` in degrees. */
  readonly coordinates: LonLat;
}

/** A scenario with every default applied and every id resolved, as a plan records it. */
export interface ResolvedScenario {
  /** Shown in reports. */
  readonly name: string;
  /** The network market-to-site RTTs take. */
  readonly network: Network;
  /** The RTT quantile SLOs are judged on; null for the median. */
  readonly confidence: number | null;
  /** The markets, in scenario order. */
  readonly markets: readonly PlanMarket[];
  /** The candidate sites: regions in data-file order, then greenfield sites in scenario order. */
  readonly candidates: readonly PlanCandidate[];
  /** What the plan optimises. */
  readonly objective: PlanObjective;
  /** Number of sites to choose, or null for objectives that count sites themselves. */
  readonly k: number | null;
  /** Candidate ids always chosen. */
  readonly required: readonly string[];
  /** Candidate ids never chosen. */
  readonly excluded: readonly string[];
  /** Chosen sites each market must have within its SLO. */
  readonly redundancy: number;
  /** Each candidate's cost, in candidate order, or null when the scenario gives none. */
  readonly costs: readonly number[] | null;
  /** What the costs are in, e.g. `per month`. */
  readonly costUnit: string;
  /** The two-tier topology asked for, or null for a one-tier plan. */
  readonly topology: Topology | null;
}

export function resolveScenario(input: unknown, world: World, greenfieldIds: ReadonlyMap<string, PlanCandidate>): ResolvedScenario {
  const read: Reader = new Reader();
  // The structure is the schema's to check; what follows checks what it cannot: ids, countries, rules.
  checkScenarioShape(input === undefined ? {} : input);
  const scenario = (input === undefined ? {} : input) as Scenario;
  const network = scenario.network ?? 'internet';
  const marketIds = world.markets.map((m) => m.id);
  const regionIds = world.regions.map((r) => r.id);

  // Markets.
  // Demand figures of the user's own start from population: a country's figure is shared by it.
  const ownDemand = typeof scenario.weights === 'object';
  const weighting = scenario.weights === undefined || ownDemand ? 'population' : scenario.weights;
  type Draft = Omit<PlanMarket, 'sloMs' | 'tier' | 'inCountry' | 'accessMs' | 'zone'> & { readonly pointAccessMs?: number };
  const fromBundled = (id: string): Draft => {
    const market = world.markets.find((m) => m.id === id) as (typeof world.markets)[number];
    return { id, name: market.name, country: market.country, coordinates: market.coordinates, weight: weighting === 'equal' ? 1 : market.population };
  };
  let drafts: Draft[];
  if (scenario.markets === undefined) {
    drafts = marketIds.map(fromBundled);
  } else if (Array.isArray(scenario.markets)) {
    drafts = scenario.markets.map((entry, i) => {
      const path = `scenario.markets[${i}]`;
      if (typeof entry === 'string') return fromBundled(knownId(read, entry, path, marketIds, 'bundled market id (geoslo markets lists them)'));
      const point = read.point(entry, path);
      return {
        id: point.id, name: point.name ?? point.id, country: point.country ?? null, coordinates: point.coordinates, weight: point.weight ?? 1,
        ...(point.accessMs === undefined ? {} : { pointAccessMs: point.accessMs }),
      };
    });
  } else {
    const withMarkets = [...new Set(world.markets.map((m) => m.country))].sort();
    const countries = (scenario.markets as { readonly countries: readonly string[] }).countries
      .map((c, i) => read.countryAmong(c, `scenario.markets.countries[${i}]`, withMarkets, 'bundled market (geoslo markets lists them)'));
    drafts = world.markets.filter((m) => countries.includes(m.country)).map((m) => fromBundled(m.id));
  }
  if (drafts.length === 0) read.fail('scenario.markets', 'selects no market; name bundled market ids, custom points or countries with markets.');
  const seen = new Set<string>();
  drafts.forEach((draft, i) => {
    if (seen.has(draft.id)) read.fail(`scenario.markets[${i}]`, `repeats the market "${draft.id}"; list each market once.`);
    seen.add(draft.id);
  });
  if (ownDemand) {
    const weights = readDemandWeights(read, scenario.weights, drafts.map((d) => ({ id: d.id, country: d.country, baseWeight: d.weight })));
    drafts = drafts.map((draft, i) => ({ ...draft, weight: weights[i] }));
  }

  const scenarioCountries = [...new Set(drafts.flatMap((d) => (d.country === null ? [] : [d.country])))].sort();

  // SLO tiers: a market's tier is the last tier naming it (by id or by country), else the default.
  const slo = scenario.slo ?? { defaultMs: 100 };
  const defaultMs = slo.defaultMs;
  const confidence = slo.confidence ?? null;
  const defaultAccessMs = slo.accessMs ?? 0;
  const tierOf = new Map<string, { name: string; sloMs: number; accessMs: number | undefined }>();
  (slo.tiers ?? []).forEach((tier, t) => {
    const path = `scenario.slo.tiers[${t}]`;
    const { name, sloMs, accessMs } = tier;
    const ids = tier.markets ?? [];
    ids.forEach((id, i) => knownId(read, id, `${path}.markets[${i}]`, [...seen], 'market of this scenario'));
    const countries = (tier.countries ?? []).map((c, i) => read.countryAmong(c, `${path}.countries[${i}]`, scenarioCountries, 'market in this scenario'));
    for (const draft of drafts) if (ids.includes(draft.id) || (draft.country !== null && countries.includes(draft.country))) tierOf.set(draft.id, { name, sloMs, accessMs });
  });

  // Data residency and data zones.
  const constraints = scenario.constraints ?? {};
  const residency = constraints.residency ?? {};
  const zoned = drafts.map((d) => ({ id: d.id, country: d.country, tier: tierOf.get(d.id)?.name ?? 'default' }));
  // Residency names whom it binds; unlike a data-zone rule, naming no one (or empty lists) binds no one.
  const named = Object.fromEntries(Object.entries(residency).filter(([, list]) => !Array.isArray(list) || list.length > 0));
  const resident = Object.keys(named).length > 0 ? readSelector(read, named, 'scenario.constraints.residency', zoned) : drafts.map(() => false);
  const zones = readDataZones(read, constraints, zoned);
  const markets: PlanMarket[] = drafts.map((draft, i) => {
    const inCountry = resident[i];
    if (inCountry && draft.country === null) {
      read.fail(`scenario.markets[${i}].country`, `is missing, but "${draft.id}" must keep its data in-country; give its ISO country code.`);
    }
    const tier = tierOf.get(draft.id);
    const { pointAccessMs, ...market } = draft;
    // The most specific access figure wins: the market's own point, then its tier, then the default.
    const accessMs = pointAccessMs ?? tier?.accessMs ?? defaultAccessMs;
    return Object.freeze({ ...market, sloMs: tier?.sloMs ?? defaultMs, tier: zoned[i].tier, inCountry, accessMs, zone: zones[i] });
  });

  // Candidates.
  const candidatesInput = scenario.candidates ?? {};
  const statuses: readonly RegionStatus[] = candidatesInput.statuses ?? ['open', 'open-2025'];
  const only = candidatesInput.regions === undefined ? null
    : candidatesInput.regions.map((id, i) => knownId(read, id, `scenario.candidates.regions[${i}]`, regionIds, 'region id (geoslo regions lists them)'));
  const candidates: PlanCandidate[] = world.regions
    .filter((r) => statuses.includes(r.status) && (only === null || only.includes(r.id)))
    .map((r) => Object.freeze({ id: r.id, name: r.name, kind: 'region' as const, country: r.country, coordinates: r.coordinates }));
  (candidatesInput.greenfield ?? []).forEach((entry, i) => {
    const path = `scenario.candidates.greenfield[${i}]`;
    if (typeof entry === 'string') {
      knownId(read, entry, path, [...greenfieldIds.keys()], 'bundled greenfield site');
      candidates.push(greenfieldIds.get(entry) as PlanCandidate);
      return;
    }
    const point = read.point(entry, path);
    candidates.push(Object.freeze({ id: point.id, name: point.name ?? point.id, kind: 'greenfield' as const, country: point.country ?? null, coordinates: point.coordinates }));
  });
  if (candidates.length === 0) {
    read.fail('scenario.candidates', 'selects no candidate site; name regions of the listed statuses, or greenfield sites.');
  }
  const candidateIds = candidates.map((c) => c.id);
  candidateIds.forEach((id, i) => {
    if (candidateIds.indexOf(id) !== i) read.fail('scenario.candidates', `names the site "${id}" twice; list each candidate once.`);
  });

  // Constraints on regions, then the objective.
  const required = (constraints.required ?? [])
    .map((id, i) => knownId(read, id, `scenario.constraints.required[${i}]`, candidateIds, 'candidate of this scenario (check candidates.statuses and candidates.regions)'));
  const excluded = (constraints.excluded ?? [])
    .map((id, i) => knownId(read, id, `scenario.constraints.excluded[${i}]`, candidateIds, 'candidate of this scenario'));
  const both = required.find((id) => excluded.includes(id));
  if (both !== undefined) {
    read.fail('scenario.constraints', `lists "${both}" as both required and excluded; a region cannot be both in use and ruled out: remove it from one list.`);
  }
  checkZonesLeaveSites(read, markets, candidates.filter((c) => !excluded.includes(c.id)));
  const costs = readCosts(read, candidatesInput.costs, candidateIds);
  const costUnit = candidatesInput.costUnit ?? 'per month';
  const objective = scenario.objective ?? { type: 'fewest-regions' };
  const type = objective.type;
  if (type === 'least-cost' && costs === null) {
    read.fail('scenario.objective.type', 'is "least-cost", but the scenario gives no costs; set candidates.costs with a figure per candidate (or give the command a --costs FILE.csv).');
  }
  let k: number | null = null;
  const countsItself = type === 'fewest-regions' || type === 'least-cost';
  if (countsItself && objective.k !== undefined) {
    read.fail('scenario.objective.k', `does not apply to "${type}": it opens as many sites as the SLOs need. Remove k, or use "most-covered" with k.`);
  }
  if (!countsItself) {
    if (objective.k === undefined) read.fail('scenario.objective.k', `is required for "${type}": the number of regions to choose.`);
    k = objective.k;
    if (objective.k > candidates.length) read.fail('scenario.objective.k', `is ${k} but the scenario has ${candidates.length} candidates.`);
  }
  const redundancy = scenario.redundancy ?? 1;
  if (redundancy > 1 && type !== 'fewest-regions') {
    read.fail('scenario.redundancy', `is ${redundancy}, but backup regions apply to the "fewest-regions" objective only (each market within its SLO of that many regions); use that objective, or 1 for "${type}".`);
  }
  const topology = scenario.topology === undefined ? null : readTopology(read, scenario.topology, {
    objective: type, k, redundancy, markets, candidates: candidates.filter((c) => !excluded.includes(c.id)),
  });
  return Object.freeze({
    name: scenario.name ?? 'scenario',
    network,
    confidence,
    markets: Object.freeze(markets),
    candidates: Object.freeze(candidates),
    objective: type,
    k,
    required: Object.freeze(required),
    excluded: Object.freeze(excluded),
    redundancy,
    costs: costs === null ? null : Object.freeze(costs),
    costUnit,
    topology,
  });
}

/**
 * A data-zone rule that leaves a market no candidate at all is a contradiction in the scenario,
 * not an SLO miss: say which rules did it. Residency alone is not checked here: a market no
 * in-country site serves gets a national station (or, in a two-tier plan, an explained gap).
 */
function checkZonesLeaveSites(read: Reader, markets: readonly PlanMarket[], candidates: readonly PlanCandidate[]): void {
  const zoned = markets.some((m) => m.zone.rules.length > 0);
  if (!zoned) return;
  const unknown = candidates.find((c) => c.country === null);
  if (unknown !== undefined) {
    read.fail('scenario.candidates.greenfield', `has the site "${unknown.id}" without a country, but data-zone rules need every site's country; give it one.`);
  }
  for (const market of markets) {
    const allowed = candidates.filter((c) => zoneAllows(market.zone, c.country) && (!market.inCountry || c.country === market.country));
    if (allowed.length > 0 || (market.inCountry && market.zone.rules.length === 0)) continue;
    if (market.inCountry && candidates.every((c) => c.country !== market.country)) continue;
    const home = market.inCountry ? ` and residency keeps it in ${market.country}` : '';
    const field = market.zone.rules.length === 1 ? market.zone.rules[0] : 'scenario.constraints';
    read.fail(field, `leaves the market "${market.id}" no candidate site: the rules ${market.zone.rules.join(', ')} allow ${describeZone(market.zone)}${home}, and no candidate that is not excluded is there. Add a candidate there or loosen a rule.`);
  }
}

function describeZone(zone: MarketZone): string {
  const only = zone.servedFrom === null ? 'sites in any country' : zone.servedFrom.length === 0 ? 'no country at all (the rules\' servedFrom lists share none)' : `sites in ${zone.servedFrom.join(', ')}`;
  return zone.neverFrom.length === 0 ? only : `${only} except ${zone.neverFrom.join(', ')}`;
}

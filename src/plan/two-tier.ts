// Two-tier plans on a scenario: groups its markets by country, prices site-to-site RTT over the
// backbone, runs the two-tier search and turns its answer into the plan's topology, per-market
// outcomes and an explanation that names every part no choice of sites can satisfy.

import { latencyMatrix } from '../latency/estimate.js';
import type { PlanOptions, MarketOutcome, Pricing } from './plan.js';
import { zoneAllows } from './data-zones.js';
import type { PlanCandidate, ResolvedScenario } from './scenario.js';
import type { Topology } from './topology.js';
import { solveTwoTier, type TwoTierProblem, type TwoTierSolution } from './two-tier-search.js';
import { bundledWorld } from '../world/world.js';

/** A national station: a site in a country whose data must stay home, syncing with its centre. */
export interface PlanStation {
  /** The site's id. */
  readonly id: string;
  /** The country it serves (ISO 3166-1 alpha-2). */
  readonly country: string;
  /** Station-to-centre RTT over the backbone (0 when the station is the centre's own site). */
  readonly syncRttMs: number;
}

/** A regional centre: a site hosting the platform for a group of countries. */
export interface PlanCentre {
  /** The site's id. */
  readonly id: string;
  /** Countries (or, for a market without one, the market id) this centre hosts. */
  readonly countries: readonly string[];
  /** The national stations syncing with this centre. */
  readonly stations: readonly PlanStation[];
}

/** A part of the two-tier architecture the plan could not build, and why. */
export interface UnbuiltPart {
  /** The country (or, for a market without one, the market id) left without it. */
  readonly country: string;
  /** Which part is missing. */
  readonly part: 'centre' | 'station';
  /** Why no choice of sites builds it, in words. */
  readonly reason: string;
}

/** A two-tier plan's architecture: its centres and stations, their RTTs, and what could not be built. */
export interface PlanTopology extends Topology {
  /** The regional centres, each with its countries and stations. */
  readonly centres: readonly PlanCentre[];
  /** The worst centre-to-centre RTT over the backbone; null with one centre. */
  readonly replicationRttMs: number | null;
  /** Every pair of centres and its RTT over the backbone. */
  readonly replication: readonly {
    /** One centre's id. */
    readonly from: string;
    /** The other centre's id. */
    readonly to: string;
    /** RTT between them over the backbone, in ms. */
    readonly rttMs: number;
  }[];
  /** The parts no choice of sites could build; empty when everything was built. */
  readonly unbuilt: readonly UnbuiltPart[];
}

/**
 * Site-to-site RTT over the backbone at the scenario's quantile, under the what-if, between the
 * candidates at `among` (every candidate by default); other pairs and failed sites are +Infinity.
 */
export function backboneBetween(scenario: ResolvedScenario, options: PlanOptions, failed: ReadonlySet<string>, among?: readonly number[]): number[][] {
  const { candidates } = scenario;
  const sites = among ?? candidates.map((_, j) => j);
  const points = sites.map((j) => ({ type: 'Point' as const, coordinates: [...candidates[j].coordinates] }));
  const matrix = latencyMatrix(points, points, {
    world: options.world ?? bundledWorld, network: 'backbone', quantile: scenario.confidence ?? 0.5,
    cutCables: options.cutCables, cutCorridors: options.cutCorridors, removeNodes: options.removeNodes,
  });
  const full = candidates.map(() => new Array<number>(candidates.length).fill(Infinity));
  sites.forEach((a, x) => sites.forEach((b, y) => {
    if (failed.has(candidates[a].id) || failed.has(candidates[b].id)) return;
    full[a][b] = a === b ? 0 : matrix.data[x * matrix.cols + y];
  }));
  return full;
}

/** Markets grouped by country; a market without a country is a group of its own, labelled by its id. */
export function groupsOf(scenario: ResolvedScenario): { labels: string[]; group: number[] } {
  const labels: string[] = [];
  const keys: string[] = [];
  const group = scenario.markets.map((market) => {
    // Keyed apart from countries, so a market id that looks like a country code joins no country.
    const key = market.country === null ? `market ${market.id}` : `country ${market.country}`;
    const index = keys.indexOf(key);
    if (index >= 0) return index;
    keys.push(key);
    labels.push(market.country ?? market.id);
    return keys.length - 1;
  });
  return { labels, group };
}

export function twoTierProblem(scenario: ResolvedScenario, pricing: Pricing, backboneMs: number[][], failed: ReadonlySet<string>, timeLimitMs: number): TwoTierProblem {
  const topology = scenario.topology as Topology;
  const { markets, candidates } = scenario;
  const { labels, group } = groupsOf(scenario);
  const usable = (c: PlanCandidate) => !scenario.excluded.includes(c.id) && !failed.has(c.id);
  const membersOf = labels.map((_, g) => markets.filter((_, i) => group[i] === g));
  return {
    latency: pricing.latency,
    sloMs: markets.map((m) => m.sloMs),
    weights: markets.map((m) => m.weight),
    group,
    resident: markets.map((m) => m.inCountry),
    groupCount: labels.length,
    centreAllowed: membersOf.map((members) => candidates.map((c) => usable(c) && members.every((m) => zoneAllows(m.zone, c.country)))),
    stationAllowed: membersOf.map((members) => candidates.map((c) => {
      const residents = members.filter((m) => m.inCountry);
      return usable(c) && residents.length > 0 && residents.every((m) => c.country === m.country && zoneAllows(m.zone, c.country));
    })),
    backboneMs,
    syncSloMs: topology.syncSloMs,
    replicationSloMs: topology.replicationSloMs ?? Infinity,
    costs: scenario.costs,
    objective: scenario.objective === 'least-cost' ? 'least-cost' : 'fewest-regions',
    // A failed required region is no longer there to keep.
    required: scenario.required.filter((id) => !failed.has(id)).map((id) => candidates.findIndex((c) => c.id === id)),
    timeLimitMs,
  };
}

/** Each market's serving site by its tier, its backup among the sites it may fail over to, and its verdict. */
export function twoTierOutcomes(scenario: ResolvedScenario, pricing: Pricing, problem: TwoTierProblem, solution: Pick<TwoTierSolution, 'centres' | 'centreOf' | 'stationOf'>): MarketOutcome[] {
  const { candidates } = scenario;
  const chosen = [...new Set([...solution.centres, ...solution.stationOf.filter((j) => j >= 0)])];
  return scenario.markets.map((market, i): MarketOutcome => {
    const g = problem.group[i];
    const serving = market.inCountry ? solution.stationOf[g] : solution.centreOf[g];
    // A resident market may fail over only to another site in its country; others to another centre.
    const eligible = (market.inCountry ? chosen.filter((j) => problem.stationAllowed[g][j]) : solution.centres.filter((j) => problem.centreAllowed[g][j]))
      .map((j) => ({ j, rttMs: pricing.latency[i][j] }))
      .filter((s) => Number.isFinite(s.rttMs));
    const rttMs = serving >= 0 ? pricing.latency[i][serving] : Infinity;
    const backups = eligible.filter((s) => s.j !== serving).sort((a, b) => a.rttMs - b.rttMs || a.j - b.j);
    return {
      market,
      verdict: rttMs <= market.sloMs ? 'met' : 'missed',
      servedBy: serving >= 0 && Number.isFinite(rttMs) ? candidates[serving].id : null,
      servingTier: market.inCountry ? 'station' : 'centre',
      rttMs,
      medianRttMs: serving >= 0 ? pricing.medianLatency[i][serving] : Infinity,
      sloMet: rttMs <= market.sloMs,
      backup: backups.length > 0 ? candidates[backups[0].j].id : null,
      backupRttMs: backups.length > 0 ? backups[0].rttMs : Infinity,
      sitesWithinSlo: eligible.filter((s) => s.rttMs <= market.sloMs).length,
      nationalStation: false,
    };
  });
}

/** The topology as reports show it, and every part no choice of sites could build. */
export function twoTierTopology(scenario: ResolvedScenario, problem: TwoTierProblem, solution: Pick<TwoTierSolution, 'centres' | 'centreOf' | 'stationOf'>): PlanTopology {
  const topology = scenario.topology as Topology;
  const { candidates } = scenario;
  const { labels } = groupsOf(scenario);
  const centres = solution.centres.map((j): PlanCentre => {
    const groups = labels.flatMap((_, g) => (solution.centreOf[g] === j ? [g] : []));
    return {
      id: candidates[j].id,
      countries: groups.map((g) => labels[g]),
      stations: groups.flatMap((g) => {
        const station = solution.stationOf[g];
        return station < 0 ? [] : [{ id: candidates[station].id, country: labels[g], syncRttMs: station === j ? 0 : problem.backboneMs[station][j] }];
      }),
    };
  });
  const replication = solution.centres.flatMap((a, x) => solution.centres.slice(x + 1).map((b) => ({
    from: candidates[a].id, to: candidates[b].id, rttMs: Math.max(problem.backboneMs[a][b], problem.backboneMs[b][a]),
  })));
  const unbuilt = labels.flatMap((label, g): UnbuiltPart[] => {
    const parts: UnbuiltPart[] = [];
    const anyCentre = problem.centreAllowed[g].some(Boolean);
    if (solution.centreOf[g] < 0) {
      parts.push({ country: label, part: 'centre', reason: anyCentre ? 'no centre of the plan is allowed for it' : 'its data zones allow no candidate as its centre; add a candidate where its rules allow or loosen a rule' });
    }
    const hasResidents = problem.resident.some((resident, i) => resident && problem.group[i] === g);
    if (hasResidents && solution.stationOf[g] < 0) {
      const stations = problem.stationAllowed[g].flatMap((ok, j) => (ok ? [j] : []));
      const inCountry = candidates.filter((c) => c.country === label).map((c) => c.id);
      if (stations.length === 0 && inCountry.length === 0) {
        parts.push({ country: label, part: 'station', reason: `its data must stay in ${label}, but no candidate is in ${label}; add an in-country site (a greenfield site or a partner data centre) to candidates.greenfield` });
      } else if (stations.length === 0) {
        parts.push({ country: label, part: 'station', reason: `its data must stay in ${label}, and its candidates there (${inCountry.join(', ')}) are excluded, failed or ruled out by its data zones` });
      } else {
        let closest = { ms: Infinity, station: stations[0], centre: -1 };
        for (const t of stations) {
          for (const a of solution.centres) {
            const ms = t === a ? 0 : problem.backboneMs[t][a];
            if (problem.centreAllowed[g][a] && ms < closest.ms) closest = { ms, station: t, centre: a };
          }
        }
        const best = closest.centre < 0 ? 'no centre of the plan may host it' : `the closest pair is ${candidates[closest.station].id} to ${candidates[closest.centre].id} at ${closest.ms.toFixed(1)} ms`;
        parts.push({ country: label, part: 'station', reason: `no centre of the plan is within the sync SLO of ${topology.syncSloMs} ms of a station in ${label} (${best})` });
      }
    }
    return parts;
  });
  return {
    ...topology,
    centres,
    replicationRttMs: replication.length === 0 ? null : Math.max(...replication.map((r) => r.rttMs)),
    replication,
    unbuilt,
  };
}

/**
 * Missed markets a site outside the plan would serve within their SLO, but which the replication
 * SLO keeps out: say which site, and which centre it is too far from.
 */
function replicationBlocks(scenario: ResolvedScenario, problem: TwoTierProblem, solution: TwoTierSolution, outcomes: readonly MarketOutcome[]): string[] {
  const limit = scenario.topology?.replicationSloMs ?? null;
  if (limit === null) return [];
  const blocked = new Map<number, { markets: string[]; centre: number; rttMs: number }>();
  outcomes.forEach((outcome, i) => {
    if (outcome.verdict !== 'missed' || outcome.market.inCountry) return;
    const g = problem.group[i];
    let site = -1;
    problem.latency[i].forEach((rttMs, j) => {
      if (problem.centreAllowed[g][j] && rttMs <= problem.sloMs[i] && !solution.centres.includes(j) && (site < 0 || rttMs < problem.latency[i][site])) site = j;
    });
    if (site < 0) return;
    const far = solution.centres.map((c) => ({ c, rttMs: Math.max(problem.backboneMs[site][c], problem.backboneMs[c][site]) })).sort((a, b) => b.rttMs - a.rttMs)[0];
    if (far === undefined || far.rttMs <= limit) return;
    const entry = blocked.get(site) ?? { markets: [], centre: far.c, rttMs: far.rttMs };
    entry.markets.push(outcome.market.id);
    blocked.set(site, entry);
  });
  return [...blocked].map(([site, { markets, centre, rttMs }]) => `${scenario.candidates[site].id} would serve ${markets.length} of them within SLO (${markets.slice(0, 4).join(', ')}${markets.length > 4 ? ', ...' : ''}), but it is ${Number.isFinite(rttMs) ? `${rttMs.toFixed(1)} ms` : 'unreachable'} from the centre ${scenario.candidates[centre].id}, beyond the replication SLO of ${limit} ms.`);
}

export function planTwoTier(scenario: ResolvedScenario, pricing: Pricing, backboneMs: number[][], failed: ReadonlySet<string>, timeLimitMs: number) {
  const problem = twoTierProblem(scenario, pricing, backboneMs, failed, timeLimitMs);
  const solution = solveTwoTier(problem);
  const outcomes = twoTierOutcomes(scenario, pricing, problem, solution);
  const topology = twoTierTopology(scenario, problem, solution);
  const chosen = [...new Set([...solution.centres, ...solution.stationOf.filter((j) => j >= 0)])].sort((a, b) => a - b);
  const missed = outcomes.filter((o) => o.verdict === 'missed').map((o) => o.market.id);
  const parts = topology.unbuilt.map((p) => `${p.country} ${p.part}: ${p.reason}.`);
  // Only required sites can be centres beyond the replication SLO: the search keeps every other pair within it.
  const limit = topology.replicationSloMs;
  for (const pair of topology.replication) {
    if (limit !== null && pair.rttMs > limit) parts.push(`Required centres ${pair.from} and ${pair.to} are ${pair.rttMs.toFixed(1)} ms apart over the backbone, beyond the replication SLO of ${limit} ms.`);
  }
  if (missed.length > 0) {
    const shown = missed.slice(0, 8).join(', ') + (missed.length > 8 ? `, and ${missed.length - 8} more` : '');
    parts.push(`${missed.length} market(s) missed their SLO from the site serving them: ${shown}.`);
    parts.push(...replicationBlocks(scenario, problem, solution, outcomes));
  }
  const stations = topology.centres.reduce((sum, c) => sum + c.stations.length, 0);
  const summary = `${topology.centres.length} regional centre(s) and ${stations} national station(s) on ${chosen.length} site(s)`;
  const proof = solution.status === 'optimal' ? 'proven optimal' : 'the search ran out of time; best found';
  return {
    chosenIndices: chosen,
    outcomes,
    topology,
    // Parts are proven unbuildable only by a search that finished; a stopped one is merely the best found.
    status: solution.status === 'optimal' && parts.length > 0 ? ('infeasible' as const) : solution.status,
    objective: { value: problem.objective === 'least-cost' ? solution.score.cost : solution.score.sites, bound: solution.bound },
    explanation: `${summary}, ${proof}.${parts.length > 0 ? ` ${parts.join(' ')}` : ''}`,
  };
}

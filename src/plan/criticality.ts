// Criticality: what each single failure does to a plan. Every cable system of the backbone, every
// corridor and every chosen site is cut or failed alone; the plan's own sites are re-priced under
// it (what users see until someone acts: each market fails over to the nearest remaining site it
// may use, each country of a two-tier plan to another of its centres) and the failures are ranked
// by the demand weight that loses its SLO, then by broken sync and replication links, then by the
// RTT added to the demand still served.

import { InvalidArgumentError, publicEntry } from '../errors.js';
import { describe } from '../util/describe.js';
import { CORRIDORS } from '../world/corridors.js';
import type { World } from '../world/world.js';
import { didYouMean } from '../util/suggest.js';
import { checkPlan, type MarketOutcome, optionsOf, outcomesFor, type Plan, type PlanOptions, priceSites } from './plan.js';
import { backboneBetween, groupsOf, twoTierOutcomes, twoTierProblem } from './two-tier.js';
import { TwoTierModel } from './two-tier-search.js';

/** What fails: a whole cable system, every segment in a corridor, or a chosen site. */
export type FailureKind = 'cable' | 'corridor' | 'site';
/** Every failure kind. */
export const FAILURE_KINDS: readonly FailureKind[] = ['cable', 'corridor', 'site'];

/** What one failure does to a plan. */
export interface FailureImpact {
  /** Cable, corridor or site. */
  readonly kind: FailureKind;
  /** The cable id, corridor name or site id. */
  readonly id: string;
  /** The cable's or site's name; the corridor name again for a corridor. */
  readonly name: string;
  /** Markets within their SLO in the plan that miss it under the failure. */
  readonly marketsLost: readonly string[];
  /** Their demand weight. */
  readonly lostWeight: number;
  /** Of the plan's total demand weight. */
  readonly lostShare: number;
  /** Two-tier plans: stations that lose their sync within the SLO, as "country: station". */
  readonly syncBroken: readonly string[];
  /** Two-tier plans: centre pairs beyond the replication SLO, as "a <-> b". */
  readonly replicationBroken: readonly string[];
  /** Demand-weighted mean RTT change (ms) over markets reachable before and after. */
  readonly addedRttMs: number;
  /** The largest single market's RTT change (ms). */
  readonly worstAddedRttMs: number;
}

/** Every single failure tried on a plan, ranked worst first. */
export interface Criticality {
  /** What every RTT is: the plan's own latency basis. */
  readonly latency: Plan['latency'];
  /** Every failure tried, worst first. */
  readonly failures: readonly FailureImpact[];
  /** How many of each kind were tried. */
  readonly tried: Readonly<Record<FailureKind, number>>;
}

/** Options of {@link criticality}. */
export interface CriticalityOptions {
  /** Which failures to try. @default every kind */
  readonly kinds?: readonly FailureKind[];
}

export interface Evaluation {
  readonly markets: readonly MarketOutcome[];
  readonly syncBroken: readonly string[];
  readonly replicationBroken: readonly string[];
}

function checkOptions(options: unknown): FailureKind[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError('options', `must be an object such as { kinds: ["cable"] }; got ${describe(options)}.`);
  }
  for (const name of Object.keys(options)) {
    if (name !== 'kinds') throw new InvalidArgumentError(`options.${name}`, `is not an option.${didYouMean(name, ['kinds'])} Options: kinds.`);
  }
  const { kinds } = options as CriticalityOptions;
  if (kinds === undefined) return [...FAILURE_KINDS];
  if (!Array.isArray(kinds) || kinds.length === 0) throw new InvalidArgumentError('options.kinds', `must be a non-empty array of ${FAILURE_KINDS.join(', ')}; got ${describe(kinds)}.`);
  kinds.forEach((kind, i) => {
    if (!FAILURE_KINDS.includes(kind)) {
      throw new InvalidArgumentError(`options.kinds[${i}]`, `must be one of ${FAILURE_KINDS.join(', ')}; got ${describe(kind)}.${typeof kind === 'string' ? didYouMean(kind, FAILURE_KINDS) : ''}`);
    }
  });
  return [...kinds];
}

/**
 * The plan's own sites re-priced under `stress`, as market x candidate matrices (+Infinity for
 * every candidate the plan did not choose): a cut cannot change what unchosen sites would do here.
 */
function priceChosen(result: Plan, stress: PlanOptions, failed: ReadonlySet<string>) {
  const { scenario } = result;
  const columns = result.chosen.map((site) => scenario.candidates.indexOf(site));
  const { latency, medianLatency } = priceSites(scenario, result.chosen, stress, failed);
  const wide = (matrix: number[][]) => matrix.map((row) => {
    const full = new Array<number>(scenario.candidates.length).fill(Infinity);
    columns.forEach((j, s) => (full[j] = row[s]));
    return full;
  });
  return { columns, latency: wide(latency), medianLatency: wide(medianLatency) };
}

/** The plan's sites re-priced under `stress`: one-tier markets fail over to the nearest remaining site. */
function evaluateOneTier(result: Plan, stress: PlanOptions, failed: ReadonlySet<string>): Evaluation {
  const { scenario } = result;
  const { columns, latency, medianLatency } = priceChosen(result, stress, failed);
  const nationalStation = result.markets.map((o) => o.nationalStation);
  const chosen = columns.filter((j) => !failed.has(scenario.candidates[j].id));
  return { markets: outcomesFor(scenario, { latency, medianLatency, nationalStation }, chosen), syncBroken: [], replicationBroken: [] };
}

/**
 * A two-tier plan under `stress`: its stations stay (a resident market may move only to another
 * chosen site in its country), and each country takes the best of the plan's remaining centres
 * that still syncs with its station.
 */
function evaluateTwoTier(result: Plan, stress: PlanOptions, failed: ReadonlySet<string>): Evaluation {
  const { scenario } = result;
  const topology = result.topology as NonNullable<Plan['topology']>;
  const { columns, latency, medianLatency } = priceChosen(result, stress, failed);
  const pricing = { latency, medianLatency, nationalStation: result.markets.map(() => false) };
  const backboneMs = backboneBetween(scenario, stress, failed, columns);
  const centreIds = new Set(topology.centres.map((c) => c.id));
  const stationIds = new Set(topology.centres.flatMap((c) => c.stations.map((s) => s.id)));
  const problem = twoTierProblem(scenario, pricing, backboneMs, failed, Infinity);
  const limited = {
    ...problem,
    centreAllowed: problem.centreAllowed.map((row) => row.map((ok, j) => ok && centreIds.has(scenario.candidates[j].id))),
    stationAllowed: problem.stationAllowed.map((row) => row.map((ok, j) => ok && stationIds.has(scenario.candidates[j].id))),
  };
  const centres = columns.filter((j) => centreIds.has(scenario.candidates[j].id) && !failed.has(scenario.candidates[j].id));
  const { choices } = new TwoTierModel(limited).evaluate(centres);
  const { labels } = groupsOf(scenario);
  const syncBroken: string[] = [];
  // A station that can no longer sync with any remaining centre still serves its country's markets:
  // the failure breaks the link, not the service. A failed station serves nobody.
  const stationOf = choices.map((choice, g) => {
    const planned = topology.centres.flatMap((c) => c.stations).find((s) => s.country === labels[g]);
    if (planned === undefined || choice.station >= 0) return choice.station;
    syncBroken.push(`${planned.country}: ${planned.id}`);
    return failed.has(planned.id) ? -1 : scenario.candidates.findIndex((c) => c.id === planned.id);
  });
  const solution = { centres, centreOf: choices.map((c) => c.centre), stationOf };
  const markets = twoTierOutcomes(scenario, pricing, limited, solution);
  // Only links the failure breaks count: a pair of required centres may be beyond the SLO already.
  const limit = topology.replicationSloMs ?? Infinity;
  const already = new Set(topology.replication.filter((r) => r.rttMs > limit).map((r) => `${r.from} <-> ${r.to}`));
  const replicationBroken = centres.flatMap((a, x) => centres.slice(x + 1).flatMap((b) => {
    const pair = `${scenario.candidates[a].id} <-> ${scenario.candidates[b].id}`;
    return Math.max(backboneMs[a][b], backboneMs[b][a]) > limit && !already.has(pair) ? [pair] : [];
  }));
  return { markets, syncBroken, replicationBroken };
}

/** The plan's own sites under a what-if: what its markets see until someone re-plans. */
export function reevaluate(result: Plan, stress: PlanOptions, failed: ReadonlySet<string>): Evaluation {
  return (result.topology === null ? evaluateOneTier : evaluateTwoTier)(result, stress, failed);
}

function impact(kind: FailureKind, id: string, name: string, result: Plan, after: Evaluation): FailureImpact {
  let lostWeight = 0;
  let weighted = 0;
  let weight = 0;
  let worst = 0;
  const marketsLost: string[] = [];
  result.markets.forEach((before, i) => {
    const now = after.markets[i];
    if (before.sloMet && !now.sloMet) {
      marketsLost.push(before.market.id);
      lostWeight += before.market.weight;
    }
    if (Number.isFinite(before.rttMs) && Number.isFinite(now.rttMs)) {
      const added = now.rttMs - before.rttMs;
      weighted += before.market.weight * added;
      weight += before.market.weight;
      worst = Math.max(worst, added);
    }
  });
  const total = result.coverage.totalWeight;
  return {
    kind, id, name, marketsLost, lostWeight, lostShare: total === 0 ? 0 : lostWeight / total,
    syncBroken: after.syncBroken, replicationBroken: after.replicationBroken,
    addedRttMs: weight === 0 ? 0 : weighted / weight, worstAddedRttMs: worst,
  };
}

/**
 * Every single cable cut, corridor cut and site failure of `result`, worst first: the plan's own
 * sites are kept and each market fails over to the nearest remaining site it may use. Ranked by
 * the demand weight that loses its SLO, then by broken sync and replication links, then by the RTT
 * added.
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @param options - which kinds of failure to try (default all)
 * @throws {@link InvalidArgumentError} when `result` is not a plan or an option is malformed
 * @example
 * ```ts
 * import { criticality, plan } from 'geoslo';
 *
 * const ranked = criticality(plan({ markets: { countries: ['SG', 'ID', 'AE', 'MX'] } }), { kinds: ['corridor', 'site'] });
 * const worst = ranked.failures[0];
 * console.log(`${worst.kind} ${worst.id}: ${(worst.lostShare * 100).toFixed(1)}% of demand loses its SLO`);
 * ```
 */
export function criticality(result: Plan, options: CriticalityOptions = {}): Criticality {
  return publicEntry('criticality', () => {
    checkPlan(result);
    const kinds = checkOptions(options);
    const base = optionsOf(result);
    const world = base.world as World;
    const stressed = (extra: PlanOptions) => ({
      ...base,
      cutCables: [...(base.cutCables ?? []), ...(extra.cutCables ?? [])],
      cutCorridors: [...(base.cutCorridors ?? []), ...(extra.cutCorridors ?? [])],
    });
    const alreadyFailed = new Set(base.removeRegions ?? []);
    const evaluate = (extra: PlanOptions, failed: ReadonlySet<string>) => reevaluate(result, stressed(extra), failed);
    const cut = new Set([...(base.cutCables ?? [])]);
    const cutCorridors = new Set(base.cutCorridors ?? []);
    const trials: { kind: FailureKind; id: string; name: string; run: () => Evaluation }[] = [];
    if (kinds.includes('cable')) {
      for (const cable of world.backbone.cables) if (!cut.has(cable.id)) trials.push({ kind: 'cable', id: cable.id, name: cable.name, run: () => evaluate({ cutCables: [cable.id] }, alreadyFailed) });
    }
    if (kinds.includes('corridor')) {
      for (const corridor of CORRIDORS) if (!cutCorridors.has(corridor)) trials.push({ kind: 'corridor', id: corridor, name: corridor, run: () => evaluate({ cutCorridors: [corridor] }, alreadyFailed) });
    }
    if (kinds.includes('site')) {
      for (const site of result.chosen) trials.push({ kind: 'site', id: site.id, name: site.name, run: () => evaluate({}, new Set([...alreadyFailed, site.id])) });
    }
    const failures = trials.map((trial) => impact(trial.kind, trial.id, trial.name, result, trial.run()));
    failures.sort((a, b) => b.lostWeight - a.lostWeight
      || (b.syncBroken.length + b.replicationBroken.length) - (a.syncBroken.length + a.replicationBroken.length)
      || b.addedRttMs - a.addedRttMs
      || FAILURE_KINDS.indexOf(a.kind) - FAILURE_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id));
    const tried = { cable: 0, corridor: 0, site: 0 };
    for (const trial of trials) tried[trial.kind]++;
    return { latency: result.latency, failures, tried };
  });
}

// The plan as plain JSON: what a pipeline or a notebook reads back (typed arrays become lists,
// unreachable RTTs become null).

import type { GapAnalysis, SiteFailure } from '../plan/gaps.js';
import type { Plan } from '../plan/plan.js';
import type { PlanTopology } from '../plan/two-tier.js';

const finite = (value: number) => (Number.isFinite(value) ? Number(value.toFixed(3)) : null);

function topologyJson(topology: PlanTopology): object {
  return {
    ...topology,
    centres: topology.centres.map((centre) => ({ ...centre, stations: centre.stations.map((station) => ({ ...station, syncRttMs: finite(station.syncRttMs) })) })),
    replicationRttMs: topology.replicationRttMs === null ? null : finite(topology.replicationRttMs),
    replication: topology.replication.map((pair) => ({ ...pair, rttMs: finite(pair.rttMs) })),
  };
}

/**
 * The plan as plain JSON, with its gap analysis and N-1: what a pipeline or a notebook reads back.
 * Typed arrays become lists and unreachable RTTs become null, so `JSON.stringify` loses nothing.
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @param gaps - `gapAnalysis(result)`
 * @param failures - `nMinusOne(result)`
 * @example
 * ```ts
 * import { gapAnalysis, nMinusOne, plan, planJson } from 'geoslo';
 *
 * const result = plan({ markets: { countries: ['SG', 'ID', 'AE', 'MX'] } });
 * console.log(JSON.stringify(planJson(result, gapAnalysis(result), nMinusOne(result)), null, 2));
 * ```
 */
export function planJson(result: Plan, gaps: GapAnalysis, failures: readonly SiteFailure[]): object {
  return {
    scenario: result.scenario.name,
    objective: result.scenario.objective,
    k: result.scenario.k,
    redundancy: result.scenario.redundancy,
    latency: result.latency,
    whatIf: result.whatIf,
    status: result.status,
    objectiveValue: finite(result.objective.value),
    bound: result.objective.bound === null ? null : finite(result.objective.bound),
    explanation: result.explanation,
    cost: result.cost && { total: finite(result.cost.total), unit: result.cost.unit },
    topology: result.topology && topologyJson(result.topology),
    regions: result.chosen.map((c) => ({ id: c.id, name: c.name, kind: c.kind, country: c.country, coordinates: c.coordinates })),
    coverage: result.coverage,
    markets: result.markets.map((o) => ({
      id: o.market.id, name: o.market.name, country: o.market.country, coordinates: o.market.coordinates, weight: o.market.weight,
      tier: o.market.tier, sloMs: o.market.sloMs, inCountry: o.market.inCountry, verdict: o.verdict,
      servedBy: o.servedBy, servingTier: o.servingTier, medianRttMs: finite(o.medianRttMs), rttMs: finite(o.rttMs), sloMet: o.sloMet, backup: o.backup, backupRttMs: finite(o.backupRttMs),
    })),
    gaps: {
      missed: gaps.missed.map((m) => ({ ...m, rttMs: finite(m.rttMs), bestAchievableMs: finite(m.bestAchievableMs) })),
      bestGreenfield: gaps.bestGreenfield && { ...gaps.bestGreenfield, site: gaps.bestGreenfield.site.id },
    },
    nMinusOne: failures,
  };
}

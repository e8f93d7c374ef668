// The two-tier topology a scenario may ask for: regional centres that host the platform for groups
// of countries, and a national station inside each country whose data must stay home, each station
// synchronising with its centre, and the centres replicating with one another, over the backbone.

import { fibreLowerBoundMs } from '../geo/great-circle.js';
import type * as v from 'valibot';
import { zoneAllows } from './data-zones.js';
import type { DeepReadonly, topologySchema } from './scenario-schema.js';
import type { Reader } from './scenario-reader.js';
import type { PlanCandidate, PlanMarket, PlanObjective } from './scenario.js';

export const TOPOLOGY_TYPES = ['regional-centres'] as const;

/** As a scenario writes it: `{ type: 'regional-centres', syncSloMs, replicationSloMs? }`. */
export type TopologyInput = DeepReadonly<v.InferOutput<typeof topologySchema>>;

/** The two-tier topology as the scenario resolved it. */
export interface Topology {
  /** The only topology: regional centres and national stations. */
  readonly type: 'regional-centres';
  /** Station-to-centre RTT limit over the backbone (ms). */
  readonly syncSloMs: number;
  /** Centre-to-centre RTT limit over the backbone (ms), or null for none. */
  readonly replicationSloMs: number | null;
}

/** Objectives a two-tier plan can optimise: they count or price sites; ties break by demand-weighted RTT. */
export const TWO_TIER_OBJECTIVES: readonly PlanObjective[] = ['fewest-regions', 'least-cost'];

interface Context {
  readonly objective: PlanObjective;
  readonly k: number | null;
  readonly redundancy: number;
  readonly markets: readonly PlanMarket[];
  /** Candidates not excluded. */
  readonly candidates: readonly PlanCandidate[];
}

/** The least fibre bound between two distinct sites of the lists, and the pair; null for no pair. */
function closestPair(from: readonly PlanCandidate[], to: readonly PlanCandidate[]): { ms: number; from: string; to: string } | null {
  let best: { ms: number; from: string; to: string } | null = null;
  for (const a of from) {
    for (const b of to) {
      if (a === b) continue;
      const ms = fibreLowerBoundMs(a.coordinates, b.coordinates);
      if (best === null || ms < best.ms) best = { ms, from: a.id, to: b.id };
    }
  }
  return best;
}

export function readTopology(read: Reader, topology: TopologyInput, context: Context): Topology {
  const path = 'scenario.topology';
  const { type, syncSloMs } = topology;
  const replicationSloMs = topology.replicationSloMs ?? null;
  if (!TWO_TIER_OBJECTIVES.includes(context.objective)) {
    read.fail('scenario.objective.type', `is "${context.objective}", but a two-tier plan optimises ${TWO_TIER_OBJECTIVES.map((o) => `"${o}"`).join(' or ')} (then the least demand-weighted RTT).`);
  }
  if (context.k !== null) read.fail('scenario.objective.k', 'does not apply to a two-tier plan: it opens as many centres and stations as the SLOs need; remove k.');
  if (context.redundancy !== 1) read.fail('scenario.redundancy', `is ${context.redundancy}, but a two-tier plan assigns each country one centre; remove redundancy or set it to 1.`);
  // A replication SLO below the speed of light in fibre between every two sites that could be
  // centres (those some market's data zone allows) is a typo, not a plan. A sync SLO needs no such
  // check: a station on its centre's own site syncs at 0 ms, and when the plan cannot put one there
  // it names the closest station-centre pair.
  const centres = context.candidates.filter((c) => context.markets.some((m) => zoneAllows(m.zone, c.country)));
  const replication = closestPair(centres, centres);
  if (replicationSloMs !== null && replication !== null && replicationSloMs < replication.ms) {
    read.fail(`${path}.replicationSloMs`, `is ${replicationSloMs} ms, below the fibre bound between any two sites that could be centres (at least ${replication.ms.toFixed(1)} ms, ${replication.from} to ${replication.to}); no two centres could replicate. Raise it, or leave it out.`);
  }
  return Object.freeze({ type, syncSloMs, replicationSloMs });
}

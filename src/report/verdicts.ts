// How every report words a plan: the markets' verdicts, the what-if, the cost and the two-tier
// topology, so the table, the JSON, the map and the HTML count and name them the same way.

import type { Plan } from '../plan/plan.js';
import type { PlanTopology } from '../plan/two-tier.js';

/**
 * "80 met, 31 missed, 0 by national station, of 111 markets". A two-tier plan models its stations,
 * so its markets are only met or missed.
 */
export function verdictCounts(result: Plan): string {
  const { markets } = result.coverage;
  const local = result.topology === null ? ` ${markets['national station']} by national station,` : '';
  return `${markets.met} met, ${markets.missed} missed,${local} of ${result.markets.length} markets`;
}

/** "regions failed: ap-southeast-1; corridors cut: red-sea", or null for a plan under no what-if. */
export function whatIfDescription(result: Plan): string | null {
  const { cutCables, cutCorridors, removeNodes, removeRegions } = result.whatIf;
  const parts = [
    removeRegions.length > 0 ? `regions failed: ${removeRegions.join(', ')}` : '',
    cutCables.length > 0 ? `cables cut: ${cutCables.join(', ')}` : '',
    cutCorridors.length > 0 ? `corridors cut: ${cutCorridors.join(', ')}` : '',
    removeNodes.length > 0 ? `backbone nodes removed: ${removeNodes.join(', ')}` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? null : parts.join('; ');
}

/** "4200 USD per month" for the chosen sites, or null when the scenario gives no costs. */
export function costDescription(result: Plan): string | null {
  return result.cost === null ? null : `${Number(result.cost.total.toFixed(2))} ${result.cost.unit}`;
}

/** "16.8 ms", or "unreachable" for an infinite RTT (a failed site). */
export const rttText = (rttMs: number) => (Number.isFinite(rttMs) ? `${rttMs.toFixed(1)} ms` : 'unreachable');
/** "1 site", "3 sites". */
export const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A station syncing with a centre on another site: a link the map and the GeoJSON draw. */
export interface SyncLink {
  readonly station: string;
  readonly centre: string;
  readonly country: string;
  readonly syncRttMs: number;
}

/** Every station-to-centre sync link; a station on its centre's own site has none. */
export function syncLinks(topology: PlanTopology): SyncLink[] {
  return topology.centres.flatMap((centre) => centre.stations
    .filter((station) => station.id !== centre.id)
    .map((station) => ({ station: station.id, centre: centre.id, country: station.country, syncRttMs: station.syncRttMs })));
}

/** What a chosen site is in the plan; a site that is both a centre and a station is shown as a centre. */
export interface SiteRole {
  readonly role: 'centre' | 'station' | 'site';
  /** Countries it hosts as a regional centre. */
  readonly centreFor: readonly string[];
  /** Countries it serves as a national station. */
  readonly stationFor: readonly string[];
}

/** Each chosen site's role by id: "site" for every site of a one-tier plan. */
export function siteRoles(result: Plan): Map<string, SiteRole> {
  const centres = result.topology?.centres ?? [];
  return new Map(result.chosen.map((site) => {
    const centre = centres.find((c) => c.id === site.id);
    const stationFor = centres.flatMap((c) => c.stations.filter((s) => s.id === site.id).map((s) => s.country));
    const role = centre !== undefined ? 'centre' : stationFor.length > 0 ? 'station' : 'site';
    return [site.id, { role, centreFor: centre?.countries ?? [], stationFor }];
  }));
}

type ReplicationPair = PlanTopology['replication'][number];

/** The worst centre pair, which the replication SLO judges; null with fewer than two centres. */
export function worstReplication(topology: PlanTopology): ReplicationPair | null {
  return topology.replication.reduce<ReplicationPair | null>((worst, pair) => (worst === null || pair.rttMs > worst.rttMs ? pair : worst), null);
}

/**
 * The two-tier architecture in one sentence, or null for a one-tier plan: "2 regional centres
 * (ap-southeast-1, me-east-1), 1 national station (ID at ap-southeast-5, 16.8 ms sync) against a
 * 60 ms sync SLO, replication worst 81.7 ms (ap-southeast-1 to me-east-1) of 350 ms", then
 * "; not built: VN station" for each part no choice of sites could build.
 */
export function topologySummary(result: Plan): string | null {
  const { topology } = result;
  if (topology === null) return null;
  const stations = topology.centres.flatMap((centre) => centre.stations.map((station) => ({ station, centre })));
  const stationText = stations.map(({ station, centre }) => (station.id === centre.id
    ? `${station.country} at ${station.id}, on its centre's site`
    : `${station.country} at ${station.id}, ${rttText(station.syncRttMs)} sync`));
  const worst = worstReplication(topology);
  const replication = worst === null ? `no replication (${counted(topology.centres.length, 'centre')})`
    : `replication worst ${rttText(worst.rttMs)} (${worst.from} to ${worst.to})${topology.replicationSloMs === null ? ', no limit' : ` of ${topology.replicationSloMs} ms`}`;
  const parts = [
    topology.centres.length === 0 ? 'no regional centres' : `${counted(topology.centres.length, 'regional centre')} (${topology.centres.map((c) => c.id).join(', ')})`,
    stations.length === 0 ? 'no national stations' : `${counted(stations.length, 'national station')} (${stationText.join('; ')}) against a ${topology.syncSloMs} ms sync SLO`,
    replication,
  ];
  const unbuilt = topology.unbuilt.map((part) => `${part.country} ${part.part}`);
  return `${parts.join(', ')}${unbuilt.length === 0 ? '' : `; not built: ${unbuilt.join(', ')}`}`;
}

// The plan as one GeoJSON FeatureCollection: chosen sites and markets as Points, and an assignment
// line from each market to the site serving it, with rttMs, sloMs and sloMet in the properties so
// any map tool can colour them. Every market says which network its RTT is over and which
// quantile (rttMs) the SLO was judged on, beside the median (medianRttMs). A two-tier plan's sites
// are centres or stations, with a sync line from each station to its centre and a replication line
// between each pair of centres, both over the backbone.

import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { publicEntry } from '../errors.js';
import { checkPlan, type Plan } from '../plan/plan.js';
import { pointGeometry, segmentGeometry } from '../world/geojson.js';
import { siteRoles, syncLinks } from './verdicts.js';

/**
 * A feature's properties: `role` says what it is ('site', 'centre', 'station', 'market',
 * 'assignment', 'sync' or 'replication'); RTTs are in ms, null when unreachable.
 * @inline
 */
type Properties = Record<string, string | number | boolean | null | readonly string[]>;

const finite = (value: number) => (Number.isFinite(value) ? Number(value.toFixed(3)) : null);

/**
 * The plan as one GeoJSON FeatureCollection: chosen sites and markets as Points, and a line from
 * each market to the site serving it, with `rttMs`, `medianRttMs`, `sloMs`, `sloMet`, `verdict`,
 * `servedBy` and the network in the properties, ready for any map tool. A two-tier plan adds its
 * sync and replication lines.
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @throws {@link InvalidArgumentError} when `result` is not a plan
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { plan, toFeatureCollection } from 'geoslo';
 *
 * const result = plan({ markets: { countries: ['SG', 'ID', 'AE', 'MX'] } });
 * writeFileSync('plan.geojson', JSON.stringify(toFeatureCollection(result)));
 * ```
 */
export function planFeatureCollection(result: Plan): FeatureCollection<Point | LineString | MultiLineString, Properties> {
  return publicEntry('toFeatureCollection', () => {
    checkPlan(result);
    const features: Feature<Point | LineString | MultiLineString, Properties>[] = [];
    const siteById = new Map(result.scenario.candidates.map((c) => [c.id, c]));
    const roles = siteRoles(result);
    for (const site of result.chosen) {
      const { role, centreFor, stationFor } = roles.get(site.id)!;
      const tiers: Properties = role === 'site' ? {} : { centreFor, stationFor };
      features.push({
        type: 'Feature', id: site.id, geometry: pointGeometry(site.coordinates),
        properties: { role, kind: site.kind, name: site.name, country: site.country, ...tiers },
      });
    }
    const { topology } = result;
    if (topology !== null) {
      const siteOf = (id: string) => siteById.get(id)!;
      for (const link of syncLinks(topology)) {
        features.push({
          type: 'Feature', id: `sync:${link.country}:${link.station}->${link.centre}`, geometry: segmentGeometry(siteOf(link.station).coordinates, siteOf(link.centre).coordinates),
          properties: { role: 'sync', ...link, syncRttMs: finite(link.syncRttMs), syncSloMs: topology.syncSloMs, network: 'backbone' },
        });
      }
      for (const pair of topology.replication) {
        features.push({
          type: 'Feature', id: `replication:${pair.from}<->${pair.to}`, geometry: segmentGeometry(siteOf(pair.from).coordinates, siteOf(pair.to).coordinates),
          properties: { role: 'replication', from: pair.from, to: pair.to, rttMs: finite(pair.rttMs), replicationSloMs: topology.replicationSloMs, network: 'backbone' },
        });
      }
    }
    for (const outcome of result.markets) {
      const { market } = outcome;
      const properties = {
        name: market.name, country: market.country, weight: market.weight, tier: market.tier, sloMs: market.sloMs,
        network: result.latency.network, confidence: result.latency.confidence,
        medianRttMs: finite(outcome.medianRttMs), rttMs: finite(outcome.rttMs), accessMs: market.accessMs, sloMet: outcome.sloMet, verdict: outcome.verdict, servedBy: outcome.servedBy, servingTier: outcome.servingTier,
        backup: outcome.backup, backupRttMs: finite(outcome.backupRttMs), inCountry: market.inCountry,
      };
      features.push({ type: 'Feature', id: market.id, geometry: pointGeometry(market.coordinates), properties: { role: 'market', ...properties } });
      const site = outcome.servedBy === null || outcome.nationalStation ? undefined : siteById.get(outcome.servedBy);
      if (site) {
        features.push({ type: 'Feature', id: `${market.id}->${site.id}`, geometry: segmentGeometry(market.coordinates, site.coordinates), properties: { role: 'assignment', market: market.id, ...properties } });
      }
    }
    return { type: 'FeatureCollection', features };
  });
}

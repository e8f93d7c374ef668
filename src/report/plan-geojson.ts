// The plan as one GeoJSON FeatureCollection: chosen sites and markets as Points, and an assignment
// line from each market to the site serving it, with rttMs, sloMs and sloMet in the properties so
// any map tool can colour them. Every market says which network its RTT is over and which
// quantile (rttMs) the SLO was judged on, beside the median (medianRttMs).

import { checkPlan, type Plan } from '../plan/plan.js';
import { type Feature, type FeatureCollection, type LineGeometry, segmentGeometry } from '../world/geojson.js';

type Properties = Record<string, string | number | boolean | null>;
type PointGeometry = { type: 'Point'; coordinates: [number, number] };

const finite = (value: number) => (Number.isFinite(value) ? Number(value.toFixed(3)) : null);

export function planFeatureCollection(result: Plan): FeatureCollection<PointGeometry | LineGeometry, Properties> {
  checkPlan(result, 'toFeatureCollection');
  const features: Feature<PointGeometry | LineGeometry, Properties>[] = [];
  const siteById = new Map(result.scenario.candidates.map((c) => [c.id, c]));
  for (const site of result.chosen) {
    features.push({
      type: 'Feature', id: site.id, geometry: { type: 'Point', coordinates: [site.coordinates[0], site.coordinates[1]] },
      properties: { role: 'site', kind: site.kind, name: site.name, country: site.country },
    });
  }
  for (const outcome of result.markets) {
    const { market } = outcome;
    const properties = {
      name: market.name, country: market.country, weight: market.weight, tier: market.tier, sloMs: market.sloMs,
      network: result.latency.network, confidence: result.latency.confidence,
      medianRttMs: finite(outcome.medianRttMs), rttMs: finite(outcome.rttMs), accessMs: market.accessMs, sloMet: outcome.sloMet, verdict: outcome.verdict, servedBy: outcome.servedBy,
      backup: outcome.backup, backupRttMs: finite(outcome.backupRttMs), inCountry: market.inCountry,
    };
    features.push({ type: 'Feature', id: market.id, geometry: { type: 'Point', coordinates: [market.coordinates[0], market.coordinates[1]] }, properties: { role: 'market', ...properties } });
    const site = outcome.servedBy === null || outcome.nationalStation ? undefined : siteById.get(outcome.servedBy);
    if (site) {
      features.push({ type: 'Feature', id: `${market.id}->${site.id}`, geometry: segmentGeometry(market.coordinates, site.coordinates), properties: { role: 'assignment', market: market.id, ...properties } });
    }
  }
  return { type: 'FeatureCollection', features };
}

// Every plan output shows a two-tier plan's centres, stations, sync and replication links, each
// market's serving tier and the plan's cost, with the figures the plan computed; a one-tier plan
// keeps its outputs, with a "region" serving tier and no topology.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gapAnalysis, nMinusOne } from '../src/plan/gaps.js';
import { plan, type Plan } from '../src/plan/plan.js';
import type { Scenario } from '../src/plan/scenario.js';
import { renderMapSvg } from '../src/report/map-svg.js';
import { planFeatureCollection } from '../src/report/plan-geojson.js';
import { planJson } from '../src/report/plan-json.js';
import { planTable } from '../src/report/plan-table.js';
import { topologySummary } from '../src/report/verdicts.js';

const overseas = JSON.parse(readFileSync('data/scenarios/overseas-vehicle-platform.json', 'utf8')) as Scenario;
const twoTier = plan(overseas);
const topology = twoTier.topology!;
const stations = topology.centres.flatMap((centre) => centre.stations.map((station) => ({ ...station, centre: centre.id })));
const remoteStations = stations.filter((station) => station.id !== station.centre);
const oneTier = plan({ markets: { countries: ['ID', 'TH', 'SG', 'MX', 'BR'] }, slo: { defaultMs: 100 } });
// Indonesia's data stays home and Jakarta serves Thailand within its SLO: one site is both centre and station.
const coLocated = plan({
  markets: { countries: ['ID', 'TH'] }, slo: { defaultMs: 100 },
  topology: { type: 'regional-centres', syncSloMs: 60 }, constraints: { residency: { countries: ['ID'] } },
});

const tableOf = (result: Plan) => planTable(result, gapAnalysis(result), nMinusOne(result));
const jsonOf = (result: Plan) => JSON.parse(JSON.stringify(planJson(result, gapAnalysis(result), nMinusOne(result))));
const rounded = (ms: number) => Number(ms.toFixed(3));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
/** Costs for every candidate, as the scenario requires, differing so a wrong sum shows. */
const withCosts = (result: Plan): { scenario: Scenario; costs: Record<string, number> } => {
  const costs = Object.fromEntries(result.scenario.candidates.map((c, i) => [c.id, 1000 + 10 * i]));
  return { scenario: { ...overseas, candidates: { ...overseas.candidates, costs, costUnit: 'USD per month' } }, costs };
};

describe('the bundled two-tier scenario', () => {
  it('plans centres and stations on other sites, so every output has something to show', () => {
    expect(topology.centres.length).toBeGreaterThan(1);
    expect(remoteStations.length).toBeGreaterThan(0);
    expect(topology.replication).toHaveLength((topology.centres.length * (topology.centres.length - 1)) / 2);
  });
});

describe('planTable shows the topology', () => {
  const table = tableOf(twoTier);
  const lines = table.split('\n');

  it('has a Topology section with both SLOs, every centre with its countries, every station with its sync RTT', () => {
    expect(table).toContain(`Topology: regional centres and national stations (sync SLO ${topology.syncSloMs} ms, replication SLO ${topology.replicationSloMs} ms, both over the backbone)`);
    for (const centre of topology.centres) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escape(centre.id)}\\s+${escape(centre.countries.join(', '))}$`)));
    }
    for (const station of stations) {
      const verdict = station.syncRttMs <= topology.syncSloMs ? 'within' : 'beyond';
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(
        `^${escape(station.id)}\\s+${station.country}\\s+${escape(station.centre)}\\s+${station.syncRttMs.toFixed(1)}\\s+${verdict} ${topology.syncSloMs} ms$`,
      )));
    }
  });

  it('gives the worst replication pair against the replication SLO', () => {
    const worst = topology.replication.reduce((a, b) => (b.rttMs > a.rttMs ? b : a));
    expect(worst.rttMs).toBe(topology.replicationRttMs);
    expect(table).toContain(`replication: worst ${worst.rttMs.toFixed(1)} ms (${worst.from} to ${worst.to}), within ${topology.replicationSloMs} ms`);
  });

  it('has a "served as" column with each market\'s serving tier', () => {
    const header = lines.find((line) => line.startsWith('market '))!;
    expect(header).toMatch(/\btier\b.*served by\s+served as/);
    for (const outcome of twoTier.markets) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escape(outcome.market.id)}\\s.*\\s${escape(outcome.servedBy!)}\\s+${outcome.servingTier}\\s`)));
    }
    expect(twoTier.markets.find((o) => o.market.id === 'id-jakarta')!.servingTier).toBe('station');
    expect(twoTier.markets.find((o) => o.market.id === 'ph-manila')!.servingTier).toBe('centre');
  });

  it('shows the chosen sites\' cost when the scenario gives costs', () => {
    const { scenario, costs } = withCosts(twoTier);
    const costed = plan(scenario);
    const total = costed.chosen.reduce((sum, site) => sum + costs[site.id], 0);
    expect(tableOf(costed)).toContain(`\ncost: ${total} USD per month\n`);
    expect(table).not.toContain('\ncost:');
  });

  it('lists a part no site could build with its reason', () => {
    const unbuilt = plan({
      markets: { countries: ['VN', 'TH'] }, slo: { defaultMs: 100 },
      topology: { type: 'regional-centres', syncSloMs: 60 }, constraints: { residency: { countries: ['VN'] } },
    });
    const [part] = unbuilt.topology!.unbuilt;
    expect(part).toMatchObject({ country: 'VN', part: 'station' });
    expect(tableOf(unbuilt)).toContain(`not built: VN station: ${part.reason}`);
  });

  it('keeps a one-tier table free of the topology, serving every market as a region', () => {
    const oneTierTable = tableOf(oneTier);
    expect(oneTierTable).not.toContain('Topology');
    expect(oneTierTable).not.toContain('\ncost:');
    expect(oneTier.markets.every((o) => o.servingTier === 'region')).toBe(true);
    expect(oneTierTable).toMatch(/\nid-jakarta\s.*\sregion\s/);
  });
});

describe('planJson carries the topology, serving tiers and cost', () => {
  const json = jsonOf(twoTier);

  it('has the centres, stations and replication pairs with RTTs rounded like the rest', () => {
    expect(json.topology).toMatchObject({ type: 'regional-centres', syncSloMs: topology.syncSloMs, replicationSloMs: topology.replicationSloMs });
    expect(json.topology.centres).toEqual(topology.centres.map((centre) => ({
      id: centre.id, countries: centre.countries,
      stations: centre.stations.map((station) => ({ id: station.id, country: station.country, syncRttMs: rounded(station.syncRttMs) })),
    })));
    expect(json.topology.replicationRttMs).toBe(rounded(topology.replicationRttMs!));
    expect(json.topology.replication).toEqual(topology.replication.map((pair) => ({ ...pair, rttMs: rounded(pair.rttMs) })));
    expect(json.topology.unbuilt).toEqual([]);
  });

  it('gives each market its serving tier', () => {
    expect(json.markets.map((m: { servingTier: string }) => m.servingTier)).toEqual(twoTier.markets.map((o) => o.servingTier));
    expect(new Set(json.markets.map((m: { servingTier: string }) => m.servingTier))).toEqual(new Set(['station', 'centre']));
  });

  it('has the total cost of the chosen sites and its unit', () => {
    const { scenario, costs } = withCosts(twoTier);
    const costed = plan(scenario);
    expect(jsonOf(costed).cost).toEqual({ total: costed.chosen.reduce((sum, site) => sum + costs[site.id], 0), unit: 'USD per month' });
    expect(json.cost).toBeNull();
  });

  it('has no topology for a one-tier plan, and "region" as every market\'s tier', () => {
    const oneTierJson = jsonOf(oneTier);
    expect(oneTierJson.topology).toBeNull();
    expect(oneTierJson.markets.every((m: { servingTier: string }) => m.servingTier === 'region')).toBe(true);
  });
});

describe('planFeatureCollection draws the topology', () => {
  const collection = planFeatureCollection(twoTier);
  const byRole = (role: string) => collection.features.filter((f) => f.properties.role === role);
  const siteById = new Map(twoTier.scenario.candidates.map((c) => [c.id, c]));
  const ends = (geometry: (typeof collection.features)[number]['geometry']) => {
    const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
    return [lines[0][0], lines[lines.length - 1][lines[lines.length - 1].length - 1]];
  };

  it('marks chosen sites as centres or stations, a centre listing the countries it hosts', () => {
    expect(byRole('site')).toHaveLength(0);
    expect(byRole('centre').map((f) => f.id)).toEqual(twoTier.chosen.filter((c) => topology.centres.some((centre) => centre.id === c.id)).map((c) => c.id));
    expect(byRole('station').map((f) => f.id).sort()).toEqual([...new Set(remoteStations.map((s) => s.id))].sort());
    for (const centre of topology.centres) {
      expect(byRole('centre').find((f) => f.id === centre.id)!.properties.centreFor).toEqual(centre.countries);
    }
  });

  it('has one sync line per station on another site than its centre, with its backbone RTT', () => {
    const sync = byRole('sync');
    expect(sync).toHaveLength(remoteStations.length);
    for (const station of remoteStations) {
      const line = sync.find((f) => f.properties.station === station.id && f.properties.country === station.country)!;
      expect(line.properties).toMatchObject({ centre: station.centre, syncRttMs: rounded(station.syncRttMs), syncSloMs: topology.syncSloMs, network: 'backbone' });
      expect(ends(line.geometry)).toEqual([[...siteById.get(station.id)!.coordinates], [...siteById.get(station.centre)!.coordinates]]);
    }
  });

  it('has one replication line per pair of centres', () => {
    const replication = byRole('replication');
    expect(replication).toHaveLength((topology.centres.length * (topology.centres.length - 1)) / 2);
    for (const pair of topology.replication) {
      const line = replication.find((f) => f.properties.from === pair.from && f.properties.to === pair.to)!;
      expect(line.properties).toMatchObject({ rttMs: rounded(pair.rttMs), replicationSloMs: topology.replicationSloMs });
      expect(ends(line.geometry)).toEqual([[...siteById.get(pair.from)!.coordinates], [...siteById.get(pair.to)!.coordinates]]);
    }
  });

  it('has valid [lon, lat] coordinates everywhere and unique feature ids', () => {
    const positions = collection.features.flatMap((f) => {
      const g = f.geometry;
      return g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
    });
    for (const [lon, lat] of positions) {
      expect(Number.isFinite(lon) && lon >= -180 && lon <= 180).toBe(true);
      expect(Number.isFinite(lat) && lat >= -90 && lat <= 90).toBe(true);
    }
    expect(new Set(collection.features.map((f) => f.id)).size).toBe(collection.features.length);
  });

  it('gives markets their serving tier', () => {
    expect(byRole('market').map((f) => f.properties.servingTier)).toEqual(twoTier.markets.map((o) => o.servingTier));
  });

  it('shows a site that is both a centre and a station as a centre with stationFor, and draws no sync line to itself', () => {
    const features = planFeatureCollection(coLocated).features;
    const [centre] = coLocated.topology!.centres;
    expect(centre.stations).toEqual([{ id: centre.id, country: 'ID', syncRttMs: 0 }]);
    expect(features.filter((f) => f.properties.role === 'centre').map((f) => [f.id, f.properties.stationFor])).toEqual([[centre.id, ['ID']]]);
    expect(features.filter((f) => ['station', 'sync', 'replication'].includes(f.properties.role as string))).toHaveLength(0);
  });

  it('keeps a one-tier plan\'s sites as "site" with no links', () => {
    const roles = planFeatureCollection(oneTier).features.map((f) => f.properties.role);
    expect(roles.filter((role) => role === 'site')).toHaveLength(oneTier.chosen.length);
    expect(roles.filter((role) => role === 'centre' || role === 'station' || role === 'sync' || role === 'replication')).toHaveLength(0);
  });
});

describe('renderMapSvg draws the topology', () => {
  const svg = renderMapSvg(twoTier);
  const legendOf = (map: string) => map.slice(map.indexOf('<g class="legend">'));

  it('draws a square per centre, a diamond per station site, a dashed sync and a dotted replication link, each with a tooltip', () => {
    expect(count(svg, /<g class="centre"><rect [^>]*width="14"[^>]*><title>/g)).toBe(topology.centres.length);
    expect(count(svg, /<g class="station"><polygon [^>]*><title>/g)).toBe(new Set(remoteStations.map((s) => s.id)).size);
    expect(count(svg, /<path class="sync" [^>]*stroke-dasharray="5 3"[^>]*><title>/g)).toBe(remoteStations.length);
    expect(count(svg, /<path class="replication" [^>]*stroke-dasharray="1 3"[^>]*><title>/g)).toBe(topology.replication.length);
    expect(count(svg, /<g class="site">/g)).toBe(0);
  });

  it('puts each link\'s backbone RTT in its tooltip', () => {
    for (const station of remoteStations) {
      expect(svg).toContain(`<title>Sync ${station.country} station ${station.id} - centre ${station.centre}: ${station.syncRttMs.toFixed(1)} ms over the backbone (SLO ${topology.syncSloMs} ms)</title>`);
    }
    for (const pair of topology.replication) {
      expect(svg).toContain(`<title>Replication ${pair.from} - ${pair.to}: ${pair.rttMs.toFixed(1)} ms over the backbone (SLO ${topology.replicationSloMs} ms)</title>`);
    }
  });

  it('adds centres, stations and links to the legend only for a two-tier plan', () => {
    const twoTierLegend = legendOf(svg);
    for (const entry of ['regional centre', 'national station', 'sync link', 'replication link']) expect(twoTierLegend).toContain(`>${entry}</text>`);
    expect(twoTierLegend).not.toContain('>chosen region<');
    const oneTierSvg = renderMapSvg(oneTier);
    const oneTierLegend = legendOf(oneTierSvg);
    for (const entry of ['regional centre', 'sync link', 'replication link']) expect(oneTierLegend).not.toContain(entry);
    expect(oneTierLegend).toContain('>chosen region</text>');
    expect(count(oneTierSvg, /class="(centre|station|sync|replication)"/g)).toBe(0);
    expect(count(oneTierSvg, /<g class="site">/g)).toBe(oneTier.chosen.length);
  });
});

describe('topologySummary(plan)', () => {
  it('names the centres, each station with its sync RTT, and the worst replication pair against its SLO', () => {
    const summary = topologySummary(twoTier)!;
    expect(summary).toMatch(new RegExp(`^${topology.centres.length} regional centres \\(${escape(topology.centres.map((c) => c.id).join(', '))}\\), ${stations.length} national stations`));
    for (const station of remoteStations) expect(summary).toContain(`${station.country} at ${station.id}, ${station.syncRttMs.toFixed(1)} ms sync`);
    expect(summary).toContain(`against a ${topology.syncSloMs} ms sync SLO`);
    expect(summary).toContain(`replication worst ${topology.replicationRttMs!.toFixed(1)} ms`);
    expect(summary).toMatch(new RegExp(`of ${topology.replicationSloMs} ms$`));
  });

  it('says when a station shares its centre\'s site and there is nothing to replicate', () => {
    expect(topologySummary(coLocated)).toBe('1 regional centre (ap-southeast-5), 1 national station (ID at ap-southeast-5, on its centre\'s site) against a 60 ms sync SLO, no replication (1 centre)');
  });

  it('is null for a one-tier plan', () => {
    expect(topologySummary(oneTier)).toBeNull();
  });
});

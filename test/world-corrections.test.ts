// The 2025 corrections to the bundled world (each backed by the sources cited in data/README.md),
// the year-by-year worlds, and corridor cuts that remove only the segments in the corridor.

import { describe, expect, it } from 'vitest';
import {
  backbone, bundledWorld, CORRIDORS, estimateRtt, InvalidArgumentError, providerFootprint, regions, routeBetween, worldAsOf,
  type Backbone, type Cable,
} from '../src/index.js';
import { resolveWhatIf } from '../src/latency/what-if.js';
import { backboneOfAllYears } from '../src/world/backbone.js';

const cableIn = (world: Backbone, id: string): Cable => {
  const cable = world.cables.find((c) => c.id === id);
  if (!cable) throw new Error(`no cable ${id}`);
  return cable;
};
const nodeById = new Map(backboneOfAllYears.nodes.map((node) => [node.id, node]));
const landingsOf = (cable: Cable) => [...new Set(cable.segments.flatMap((s) => [s.from, s.to]))].map((id) => nodeById.get(id)!);

describe('cable landings corrected against their sources', () => {
  it('SEA-ME-WE 5 has no landing in Thailand and runs Medan-Ngwe Saung', () => {
    const smw5 = cableIn(backbone, 'sea-me-we-5');
    expect(landingsOf(smw5).filter((node) => node.country === 'TH')).toEqual([]);
    expect(smw5.segments).toContainEqual({ from: 'id-medan', to: 'mm-ngwe-saung', corridors: ['indian-ocean'] });
  });

  it('ADC lands in Thailand at Sriracha on the Gulf of Thailand, linked overland to Bangkok', () => {
    const thai = landingsOf(cableIn(backbone, 'adc')).filter((node) => node.country === 'TH');
    expect(thai.map((node) => node.name)).toEqual([expect.stringMatching(/Sriracha/)]);
    expect(thai[0].coordinates[0]).toBeCloseTo(100.93, 1);
    expect(thai[0].coordinates[1]).toBeCloseTo(13.17, 1);
    expect(backbone.terrestrial.some((route) => route.from === 'th-bangkok' && route.to === thai[0].id)).toBe(true);
    expect(cableIn(backbone, 'adc').lengthKm).toBe(9988);
  });

  it('AAE-1 lands in Malaysia at Kuala Kurau and reaches Singapore only by its land extension', () => {
    const aae1 = cableIn(backbone, 'aae-1');
    expect(landingsOf(aae1).filter((node) => node.country === 'MY').map((node) => node.name)).toEqual(['Kuala Kurau']);
    const toSingapore = aae1.segments.filter((s) => s.from === 'sg-singapore' || s.to === 'sg-singapore');
    expect(toSingapore).toEqual([{ from: 'my-kuala-kurau', to: 'sg-singapore', corridors: [] }]);
  });

  it('Seabras-1 runs Wall Township to Praia Grande, its only Brazilian landing, with its published length', () => {
    const seabras = cableIn(backbone, 'seabras-1');
    expect(landingsOf(seabras).map((node) => node.id)).toEqual(['us-wall-township', 'br-praia-grande']);
    expect(seabras.lengthKm).toBe(10_800);
  });

  it('MainOne has no Moroccan or Canary Islands landing (those are branching units)', () => {
    const countries = landingsOf(cableIn(backbone, 'mainone')).map((node) => node.country);
    expect(countries).not.toContain('MA');
    expect(countries).not.toContain('ES');
    expect(countries).toEqual(['PT', 'SN', 'CI', 'GH', 'NG']);
  });

  it('fills the published lengths found and keeps null where the figures disagree or are lower bounds', () => {
    const lengths = Object.fromEntries(['eac-c2c', 'apcn-2', 'equiano', 'mednautilus', 'celtixconnect'].map((id) => [id, cableIn(backbone, id).lengthKm]));
    expect(lengths).toEqual({ 'eac-c2c': 36_800, 'apcn-2': 19_000, equiano: 15_000, mednautilus: 7_000, celtixconnect: 131 });
    const unknown = backboneOfAllYears.cables.filter((c) => c.lengthKm === null).map((c) => c.id).sort();
    expect(unknown).toEqual(['ace', 'arcos-1', 'havfrue-aec-2', 'jakabare', 'jga-s', 'sac', 'tpe']);
  });

  it('adds the sourced South-East Asian and Latin American systems with their landings', () => {
    const landings = (id: string) => landingsOf(cableIn(backboneOfAllYears, id)).map((node) => node.id).sort();
    expect(landings('tgn-ia')).toEqual(['hk-hong-kong', 'jp-chikura', 'ph-ballesteros', 'sg-singapore', 'vn-vung-tau']);
    expect(landings('mct')).toEqual(['kh-sihanoukville', 'my-kuantan', 'th-rayong']);
    expect(landings('sac')).toEqual(['ar-las-toninas', 'br-fortaleza', 'br-praia-grande', 'br-rio-de-janeiro', 'cl-valparaiso', 'co-buenaventura', 'pa-panama-city', 'pe-lurin', 'vi-christiansted']);
    expect(landings('maya-1')).toEqual(['co-tolu', 'cr-limon', 'hn-puerto-cortes', 'ky-george-town', 'mx-cancun', 'pa-maria-chiquita', 'us-hollywood']);
    expect(landings('arcos-1')).toContain('us-miami');
    for (const id of ['tgn-ia', 'mct', 'sac', 'arcos-1', 'maya-1']) expect(cableIn(backbone, id).source.length, id).toBeGreaterThan(100);
  });
});

describe('worldAsOf(year)', () => {
  it('the bundled (2025) world has no SEA-ME-WE 6, which entered service in 2026', () => {
    expect(bundledWorld.backbone).toBe(backbone);
    expect(backbone.cables.some((c) => c.id === 'sea-me-we-6')).toBe(false);
    expect(cableIn(worldAsOf(2026).backbone, 'sea-me-we-6').readyForService).toBe(2026);
    expect(worldAsOf(2025)).toBe(bundledWorld);
    expect(worldAsOf(2026)).toBe(worldAsOf(2026));
  });

  it('includes systems from their ready-for-service year to their retirement, and keeps those of unknown year', () => {
    const ids = (year: number) => new Set(worldAsOf(year).backbone.cables.map((c) => c.id));
    expect(ids(2025).has('maya-1')).toBe(true);
    expect(ids(2026).has('maya-1')).toBe(false);
    expect(ids(2026).has('apricot')).toBe(false);
    expect(ids(2027).has('apricot')).toBe(true);
    expect(ids(2016).has('sea-me-we-5')).toBe(true);
    expect(ids(2015).has('sea-me-we-5')).toBe(false);
    expect(ids(1990).has('eac-c2c')).toBe(true);
    const year2000 = worldAsOf(2000).backbone;
    expect(year2000.links.every((link) => link.cable === null || year2000.cables.some((c) => c.id === link.cable))).toBe(true);
    expect(worldAsOf(2026).regions).toBe(bundledWorld.regions);
  });

  it('rejects a non-integer or out-of-range year, naming the argument', () => {
    for (const year of [2025.5, 1987, 2101, Number.NaN, '2025' as unknown as number]) {
      expect(() => worldAsOf(year)).toThrow(InvalidArgumentError);
    }
    expect(() => worldAsOf(2025.5)).toThrow('geoslo/worldAsOf: year must be an integer year from 1988 to 2100; got 2025.5.');
  });

  it('its worlds feed the latency model: SEA-ME-WE 6 can be cut in 2026 but is unknown in 2025', () => {
    expect(estimateRtt('ap-southeast-1', 'eu-central-1', { world: worldAsOf(2026), cutCables: ['SEA-ME-WE 6'] })).toBeGreaterThan(0);
    expect(() => estimateRtt('ap-southeast-1', 'eu-central-1', { cutCables: ['sea-me-we-6'] })).toThrow(/not a cable of the backbone/);
  });
});

describe('zone counts', () => {
  it('are filled where the provider documents them and the 2025 statement is kept as stated', () => {
    expect(regions.find((r) => r.id === 'cn-beijing')?.zones).toBe(12);
    expect(regions.filter((r) => r.zones !== null).length).toBeGreaterThan(0);
    expect(providerFootprint).toMatchObject({ operatingRegions: 29, availabilityZones: 87, asOf: '2025' });
  });
});

describe('a corridor cut cuts the segments in that corridor, not whole systems', () => {
  it('gives every segment its own corridors, from the fixed list, and each cable the union of its segments\'', () => {
    for (const cable of backboneOfAllYears.cables) {
      expect(cable.corridors, cable.id).toEqual([...new Set(cable.segments.flatMap((s) => s.corridors))]);
      for (const segment of cable.segments) for (const corridor of segment.corridors) expect(CORRIDORS).toContain(corridor);
    }
    const eigLinks = backbone.links.filter((link) => link.cable === 'eig');
    expect(eigLinks.find((link) => link.from === 'sa-jeddah' && link.to === 'eg-suez')?.corridors).toEqual(['red-sea']);
    expect(eigLinks.find((link) => link.from === 'mc-monaco')?.corridors).toEqual(['mediterranean']);
  });

  it('cutting the Red Sea leaves Kuala Lumpur-Jakarta as it was', () => {
    const uncut = estimateRtt('ap-southeast-3', 'ap-southeast-5');
    expect(estimateRtt('ap-southeast-3', 'ap-southeast-5', { cutCorridors: ['red-sea'] })).toBe(uncut);
  });

  it('cutting the Red Sea keeps the Mediterranean segments of the systems that also cross it', () => {
    const cut = resolveWhatIf(bundledWorld, { cutCorridors: ['red-sea'] });
    const crossing = new Set(backbone.cables.filter((c) => c.corridors.includes('red-sea')).map((c) => c.id));
    const mediterranean = backbone.links.filter((link) => link.cable !== null && crossing.has(link.cable) && link.corridors.includes('mediterranean'));
    expect(mediterranean.length).toBeGreaterThan(10);
    expect(mediterranean.filter((link) => cut.cutLinks.has(link.id))).toEqual([]);
    expect(backbone.links.filter((link) => link.corridors.includes('red-sea')).every((link) => cut.cutLinks.has(link.id))).toBe(true);
    // Marseille to Alexandria still runs over those segments.
    const route = routeBetween('fr-marseille', 'eg-alexandria', { cutCorridors: ['red-sea'] })!;
    expect(route.links.some((link) => link.cable !== null && crossing.has(link.cable))).toBe(true);
  });

  it('cutting the Red Sea makes Singapore-Marseille slower or unreachable', () => {
    const uncut = estimateRtt('ap-southeast-1', 'fr-marseille');
    const cut = estimateRtt('ap-southeast-1', 'fr-marseille', { cutCorridors: ['red-sea'] });
    expect(cut).toBeGreaterThan(uncut);
    const route = routeBetween('ap-southeast-1', 'fr-marseille', { cutCorridors: ['red-sea'] });
    const linkById = new Map(backbone.links.map((link) => [link.id, link]));
    expect(route === null || route.links.every((link) => !linkById.get(link.id)!.corridors.includes('red-sea'))).toBe(true);
  });

  it('a cable cut still cuts the whole system, and the key of a cut is canonical', () => {
    const cut = resolveWhatIf(bundledWorld, { cutCables: ['SEA-ME-WE 5'] });
    expect([...cut.cutLinks].sort()).toEqual(backbone.links.filter((link) => link.cable === 'sea-me-we-5').map((link) => link.id).sort());
    const key = (options: Parameters<typeof resolveWhatIf>[1]) => resolveWhatIf(bundledWorld, options).backboneKey;
    expect(key({ cutCables: ['sea-me-we-5', 'aae-1'] })).toBe(key({ cutCables: ['Asia-Africa-Europe 1 (AAE-1)', 'SEA-ME-WE 5'] }));
    // MCT lies wholly in the intra-Asia corridor: naming it as well cuts nothing more, and the key agrees.
    expect(key({ cutCorridors: ['intra-asia'], cutCables: ['mct'] })).toBe(key({ cutCorridors: ['intra-asia'] }));
    expect(key({ cutCorridors: ['red-sea'] })).not.toBe(key({ cutCorridors: ['red-sea', 'suez'] }));
  });
});

import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import {
  backbone, backboneFeatureCollection, backboneGraph, InvalidArgumentError, isOperating, markets, marketsFeatureCollection,
  MAX_ACCESS_KM, parseBackbone, parseMarkets, parseRegions, providerFootprint, regions, regionsFeatureCollection,
} from '../src/index.js';
import { greatCircleKm } from '../src/geo/great-circle.js';
import { segmentGeometry } from '../src/world/geojson.js';

const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'];
const SOUTH_AMERICA = ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'];
const MEXICO_AND_CENTRAL_AMERICA = ['MX', 'BZ', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA'];
const GULF_AND_MIDDLE_EAST = ['SA', 'AE', 'QA', 'KW', 'BH', 'OM', 'JO', 'IL', 'TR', 'EG'];

describe('bundled regions', () => {
  it('holds the 29 regions operating in mid-2025, plus the closed and the unverified ones by status', () => {
    expect(regions.filter(isOperating)).toHaveLength(29);
    expect(regions.filter((r) => r.status === 'closed').map((r) => r.id).sort()).toEqual(['ap-south-1', 'ap-southeast-2']);
    expect(regions.filter((r) => r.status === 'planned').map((r) => r.id).sort()).toEqual(['ap-southeast-8', 'us-southeast-1']);
    expect(providerFootprint).toMatchObject({ operatingRegions: 29, availabilityZones: 87 });
  });

  it('gives the zone counts the provider documents and keeps the others null rather than guessing; records are frozen', () => {
    const documented = regions.filter((r) => r.zones !== null);
    expect(documented.map((r) => [r.id, r.zones])).toEqual([['cn-beijing', 12]]);
    expect(documented.every((r) => /Regions and zones/.test(r.source))).toBe(true);
    expect(documented.reduce((sum, r) => sum + (r.zones ?? 0), 0)).toBeLessThanOrEqual(providerFootprint.availabilityZones);
    expect(Object.isFrozen(regions)).toBe(true);
    expect(Object.isFrozen(regions[0])).toBe(true);
  });
});

describe('bundled markets', () => {
  it('covers at least 150 metros in 60 countries, with every region the planner is asked about', () => {
    const countries = new Set(markets.map((m) => m.country));
    expect(markets.length).toBeGreaterThanOrEqual(150);
    expect(countries.size).toBeGreaterThanOrEqual(60);
    for (const country of [...ASEAN, ...SOUTH_AMERICA, ...MEXICO_AND_CENTRAL_AMERICA, ...GULF_AND_MIDDLE_EAST]) {
      expect(countries.has(country), country).toBe(true);
    }
    expect(markets.every((m) => Number.isInteger(m.population) && m.population > 0)).toBe(true);
  });

  it('has coordinates in [lon, lat] order (spot checks)', () => {
    const at = (id: string) => markets.find((m) => m.id === id)?.coordinates;
    expect(at('br-sao-paulo')?.[0]).toBeCloseTo(-46.6, 0);
    expect(at('id-jakarta')?.[1]).toBeCloseTo(-6.2, 0);
    expect(at('ng-lagos')?.[0]).toBeCloseTo(3.4, 0);
  });
});

describe('bundled backbone', () => {
  it('is one connected graph', () => {
    expect(connectedComponents(backboneGraph())).toHaveLength(1);
  });

  it('reaches every region and every market within the access radius', () => {
    for (const { id, coordinates } of [...regions, ...markets]) {
      const nearestKm = Math.min(...backbone.nodes.map((node) => greatCircleKm(coordinates, node.coordinates)));
      expect(nearestKm, id).toBeLessThanOrEqual(MAX_ACCESS_KM);
    }
  });

  it('gives every link a length no shorter than its great circle, and every cable a source', () => {
    const nodeById = new Map(backbone.nodes.map((n) => [n.id, n]));
    for (const link of backbone.links) {
      const km = greatCircleKm(nodeById.get(link.from)!.coordinates, nodeById.get(link.to)!.coordinates);
      expect(link.lengthKm, link.id).toBeGreaterThanOrEqual(km);
    }
    expect(backbone.cables.length).toBeGreaterThanOrEqual(60);
    expect(backbone.cables.every((c) => c.source.length > 10)).toBe(true);
    const corridors = new Set(backbone.cables.flatMap((c) => c.corridors));
    for (const corridor of ['red-sea', 'trans-pacific', 'trans-atlantic', 'south-atlantic', 'malacca']) expect(corridors.has(corridor)).toBe(true);
  });
});

describe('parsing world data names the JSON path of a bad field', () => {
  it('rejects a duplicate id, a [lat, lon] coordinate and an unknown status', () => {
    const region = { id: 'x', name: 'X', city: 'X', country: 'SG', coordinates: [103.8, 1.3], status: 'open', zones: null, source: 's' };
    expect(() => parseRegions([region, region], 'plan')).toThrow('geoslo/plan: regions[1].id "x" is used twice; ids must be unique.');
    expect(() => parseRegions([{ ...region, coordinates: [1.3, 103.8] }], 'plan')).toThrow(/regions\[0\]\.coordinates\[1\] \(latitude\) is 103\.8.*looks like \[lat, lon\]/);
    expect(() => parseRegions([{ ...region, status: 'live' }], 'plan')).toThrow(/regions\[0\]\.status must be one of "open", "open-2025", "closed", "planned"; got "live"/);
    expect(() => parseMarkets([{ id: 'm', name: 'M', country: 'sg', coordinates: [0, 0], population: 1, populationSource: 'x' }], 'plan')).toThrow(InvalidArgumentError);
  });

  const withCable = (cable: Record<string, unknown>) => ({
    nodes: [
      { id: 'a', name: 'A', kind: 'metro', country: 'SG', coordinates: [103.8, 1.3] },
      { id: 'b', name: 'B', kind: 'landing', country: 'MY', coordinates: [101.4, 2.8] },
    ],
    cables: [{ id: 'c', name: 'C', readyForService: 2020, lengthKm: 10, segments: [{ from: 'a', to: 'b', corridors: ['malacca'] }], source: 's', ...cable }],
    terrestrial: [],
  });

  it('rejects a cable segment naming a node that does not exist', () => {
    const json = withCable({ segments: [{ from: 'a', to: 'x', corridors: [] }] });
    expect(() => parseBackbone(json, 'plan')).toThrow('geoslo/plan: backbone.cables[0].segments[0].to is "x", which is not a node id in backbone.nodes.');
  });

  it('reads each segment\'s corridors from the fixed list and derives the cable\'s from them', () => {
    const parsed = parseBackbone(withCable({ segments: [{ from: 'a', to: 'b', corridors: ['malacca', 'indian-ocean'] }, { from: 'b', to: 'a', corridors: [] }] }), 'plan');
    expect(parsed.cables[0].corridors).toEqual(['malacca', 'indian-ocean']);
    expect(parsed.links.map((link) => link.corridors)).toEqual([['malacca', 'indian-ocean'], []]);
    expect(() => parseBackbone(withCable({ segments: [{ from: 'a', to: 'b', corridors: ['red sea'] }] }), 'plan'))
      .toThrow(/backbone\.cables\[0\]\.segments\[0\]\.corridors\[0\] must be one of .*"red-sea".*; got "red sea"/);
    expect(() => parseBackbone(withCable({ segments: [{ from: 'a', to: 'b', corridors: ['gulf', 'gulf'] }] }), 'plan'))
      .toThrow('backbone.cables[0].segments[0].corridors[1] repeats "gulf"');
    expect(() => parseBackbone(withCable({ segments: [{ from: 'a', to: 'b' }] }), 'plan')).toThrow('backbone.cables[0].segments[0].corridors must be an array.');
    expect(() => parseBackbone(withCable({ segments: [['a', 'b']] }), 'plan')).toThrow(/backbone\.cables\[0\]\.segments\[0\] must be an object \{ "from", "to", "corridors" \}/);
    expect(() => parseBackbone(withCable({ corridors: ['malacca'] }), 'plan')).toThrow('backbone.cables[0].corridors is derived from the segments');
    expect(() => parseBackbone(withCable({ retired: 2019 }), 'plan')).toThrow('backbone.cables[0].retired is 2019, before the system\'s readyForService year 2020.');
  });
});

describe('GeoJSON', () => {
  it('gives regions and markets as Point features with their fields as properties', () => {
    const collection = regionsFeatureCollection();
    expect(collection.features).toHaveLength(regions.length);
    expect(collection.features[0]).toMatchObject({ type: 'Feature', id: regions[0].id, geometry: { type: 'Point', coordinates: [...regions[0].coordinates] } });
    expect(collection.features[0].properties).toMatchObject({ status: regions[0].status });
    expect(marketsFeatureCollection().features.map((f) => f.properties.population)).toEqual(markets.map((m) => m.population));
  });

  it('gives backbone links as LineStrings named by cable, split at the antimeridian', () => {
    const links = backboneFeatureCollection().features.filter((f) => f.geometry.type !== 'Point');
    expect(links).toHaveLength(backbone.links.length);
    const pacific = links.find((f) => (f.properties as { corridors: string[] }).corridors.includes('trans-pacific') && f.geometry.type === 'MultiLineString');
    expect(pacific).toBeDefined();
    expect(segmentGeometry([170, 10], [-170, 20])).toEqual({ type: 'MultiLineString', coordinates: [[[170, 10], [180, 15]], [[-180, 15], [-170, 20]]] });
    expect(segmentGeometry([10, 10], [20, 20]).type).toBe('LineString');
  });

  it('loads into a graphology graph whose edges carry the link fields', () => {
    const graph: Graph = backboneGraph();
    expect(graph.order).toBe(backbone.nodes.length);
    const link = backbone.links[0];
    expect(graph.getEdgeAttributes(link.id)).toMatchObject({ kind: link.kind, cable: link.cable, lengthKm: link.lengthKm });
  });
});

// The modelled world as GeoJSON FeatureCollections, ready for any map tool: regions and markets as
// Points, backbone links as LineStrings named by their cable. Links that cross the antimeridian are
// split into a MultiLineString there, as RFC 7946 asks.

import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import type { LonLat } from '../geo/coordinates.js';
import type { Backbone, BackboneNode, Market, Region } from './records.js';
import { bundledWorld } from './world.js';

/** A GeoJSON Point at `[lon, lat]`, a copy so the feature does not share the record's array. */
export function pointGeometry(coordinates: LonLat): Point {
  return { type: 'Point', coordinates: [coordinates[0], coordinates[1]] };
}

/** A straight segment in lon/lat, split where it crosses the antimeridian. */
export function segmentGeometry(from: LonLat, to: LonLat): LineString | MultiLineString {
  const [lon1, lat1] = from;
  const [lon2, lat2] = to;
  if (Math.abs(lon2 - lon1) <= 180) return { type: 'LineString', coordinates: [[lon1, lat1], [lon2, lat2]] };
  // Go the short way round: unwrap the far end, find where the line meets +-180.
  const unwrapped = lon2 + (lon2 < lon1 ? 360 : -360);
  const edge = lon1 > 0 ? 180 : -180;
  const latitudeAtEdge = lat1 + ((lat2 - lat1) * (edge - lon1)) / (unwrapped - lon1);
  return {
    type: 'MultiLineString',
    coordinates: [[[lon1, lat1], [edge, latitudeAtEdge]], [[-edge, latitudeAtEdge], [lon2, lat2]]],
  };
}

/**
 * Regions as GeoJSON Points, with every region field but `coordinates` in the properties and the
 * region id as the feature's `id`.
 *
 * @param regions - the regions to show (default the bundled regions)
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { isOperating, regions, regionsFeatureCollection } from 'geoslo';
 *
 * writeFileSync('regions.geojson', JSON.stringify(regionsFeatureCollection(regions.filter(isOperating))));
 * ```
 */
export function regionsFeatureCollection(regions: readonly Region[] = bundledWorld.regions): FeatureCollection<Point, Omit<Region, 'coordinates'>> {
  return {
    type: 'FeatureCollection',
    features: regions.map(({ coordinates, ...properties }) => ({ type: 'Feature', id: properties.id, geometry: pointGeometry(coordinates), properties: { ...properties } })),
  };
}

/**
 * Markets as GeoJSON Points, with every market field but `coordinates` (population included) in the
 * properties and the market id as the feature's `id`.
 *
 * @param markets - the markets to show (default the bundled markets)
 * @example
 * ```ts
 * import { markets, marketsFeatureCollection } from 'geoslo';
 *
 * const indonesia = marketsFeatureCollection(markets.filter((market) => market.country === 'ID'));
 * ```
 */
export function marketsFeatureCollection(markets: readonly Market[] = bundledWorld.markets): FeatureCollection<Point, Omit<Market, 'coordinates'>> {
  return {
    type: 'FeatureCollection',
    features: markets.map(({ coordinates, ...properties }) => ({ type: 'Feature', id: properties.id, geometry: pointGeometry(coordinates), properties: { ...properties } })),
  };
}

/** The properties of a backbone link's feature in {@link backboneFeatureCollection}. */
export interface LinkProperties {
  /** Submarine cable segment or terrestrial route. */
  kind: 'submarine' | 'terrestrial';
  /** The cable id for a submarine link, null for a terrestrial one. */
  cable: string | null;
  /** The cable's name, or the route id for a terrestrial route. */
  name: string;
  /** Modelled route length, rounded to the kilometre. */
  lengthKm: number;
  /** The corridors this segment passes through; empty for a terrestrial route. */
  corridors: string[];
  /** Backbone node id at one end. */
  from: string;
  /** Backbone node id at the other end. */
  to: string;
}

/**
 * Backbone links as LineStrings (cable name, kind, length, corridors in properties), split into a
 * MultiLineString where they cross the antimeridian; nodes as Points. Each feature's `id` is the
 * link or node id.
 *
 * @param backbone - the backbone to show (default the bundled backbone: systems in service in 2025)
 * @example
 * ```ts
 * import { backboneFeatureCollection, worldAsOf } from 'geoslo';
 *
 * const links2010 = backboneFeatureCollection(worldAsOf(2010).backbone).features
 *   .filter((feature) => feature.geometry.type !== 'Point');
 * ```
 */
export function backboneFeatureCollection(backbone: Backbone = bundledWorld.backbone): FeatureCollection<LineString | MultiLineString | Point, LinkProperties | Omit<BackboneNode, 'coordinates'>> {
  const nodeById = new Map(backbone.nodes.map((node) => [node.id, node]));
  const links = backbone.links.map((link): Feature<LineString | MultiLineString, LinkProperties> => ({
    type: 'Feature',
    id: link.id,
    geometry: segmentGeometry((nodeById.get(link.from) as BackboneNode).coordinates, (nodeById.get(link.to) as BackboneNode).coordinates),
    properties: {
      kind: link.kind, cable: link.cable, name: link.name, lengthKm: Math.round(link.lengthKm), corridors: [...link.corridors], from: link.from, to: link.to,
    },
  }));
  const nodes = backbone.nodes.map(({ coordinates, ...properties }): Feature<Point, Omit<BackboneNode, 'coordinates'>> => ({
    type: 'Feature', id: properties.id, geometry: pointGeometry(coordinates), properties: { ...properties },
  }));
  return { type: 'FeatureCollection', features: [...links, ...nodes] };
}

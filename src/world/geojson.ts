// The modelled world as GeoJSON FeatureCollections, ready for any map tool: regions and markets as
// Points, backbone links as LineStrings named by their cable. Links that cross the antimeridian are
// split into a MultiLineString there, as RFC 7946 asks.

import type { LonLat } from '../geo/coordinates.js';
import type { Backbone, BackboneNode, Market, Region } from './records.js';
import { bundledWorld } from './world.js';

type Position = [number, number];

export interface Feature<G, P> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export type PointGeometryOut = { type: 'Point'; coordinates: Position };
export type LineGeometry = { type: 'LineString'; coordinates: Position[] } | { type: 'MultiLineString'; coordinates: Position[][] };

function point(coordinates: LonLat): PointGeometryOut {
  return { type: 'Point', coordinates: [coordinates[0], coordinates[1]] };
}

/** A straight segment in lon/lat, split where it crosses the antimeridian. */
export function segmentGeometry(from: LonLat, to: LonLat): LineGeometry {
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

export function regionsFeatureCollection(regions: readonly Region[] = bundledWorld.regions): FeatureCollection<PointGeometryOut, Omit<Region, 'coordinates'>> {
  return {
    type: 'FeatureCollection',
    features: regions.map(({ coordinates, ...properties }) => ({ type: 'Feature', id: properties.id, geometry: point(coordinates), properties: { ...properties } })),
  };
}

export function marketsFeatureCollection(markets: readonly Market[] = bundledWorld.markets): FeatureCollection<PointGeometryOut, Omit<Market, 'coordinates'>> {
  return {
    type: 'FeatureCollection',
    features: markets.map(({ coordinates, ...properties }) => ({ type: 'Feature', id: properties.id, geometry: point(coordinates), properties: { ...properties } })),
  };
}

export interface LinkProperties {
  kind: 'submarine' | 'terrestrial';
  cable: string | null;
  name: string;
  lengthKm: number;
  corridors: string[];
  from: string;
  to: string;
}

/** Backbone links as LineStrings (cable name, kind, length, corridors in properties); nodes as Points. */
export function backboneFeatureCollection(backbone: Backbone = bundledWorld.backbone): FeatureCollection<LineGeometry | PointGeometryOut, LinkProperties | Omit<BackboneNode, 'coordinates'>> {
  const nodeById = new Map(backbone.nodes.map((node) => [node.id, node]));
  const links = backbone.links.map((link): Feature<LineGeometry, LinkProperties> => ({
    type: 'Feature',
    id: link.id,
    geometry: segmentGeometry((nodeById.get(link.from) as BackboneNode).coordinates, (nodeById.get(link.to) as BackboneNode).coordinates),
    properties: {
      kind: link.kind, cable: link.cable, name: link.name, lengthKm: Math.round(link.lengthKm), corridors: [...link.corridors], from: link.from, to: link.to,
    },
  }));
  const nodes = backbone.nodes.map(({ coordinates, ...properties }): Feature<PointGeometryOut, Omit<BackboneNode, 'coordinates'>> => ({
    type: 'Feature', id: properties.id, geometry: point(coordinates), properties: { ...properties },
  }));
  return { type: 'FeatureCollection', features: [...links, ...nodes] };
}

// What a latency query may name as an endpoint: a region id, a market id, `[lon, lat]`, a GeoJSON
// Point or a Point Feature. Each resolves once to coordinates, a label for results and, where it
// is known, its country (a region's or market's, or a Feature's `properties.country`).

import { isPointLike, type LonLat, type PointInput, toLonLat } from '../geo/coordinates.js';
import { InvalidArgumentError } from '../errors.js';
import type { World } from '../world/world.js';
import { didYouMean } from '../util/suggest.js';
import { macroRegionOf } from '../world/macro-regions.js';
import { describe } from '../util/describe.js';

/**
 * What a latency call takes as an endpoint: a region id (`ap-southeast-1`), a market id
 * (`id-jakarta`), or a point (`[lon, lat]`, a GeoJSON Point or a Point Feature, whose
 * `properties.country` the internet model uses where given).
 */
export type EndpointInput = string | PointInput;

export interface Endpoint {
  /** The id given, or "lon,lat" for a point. */
  readonly label: string;
  readonly coordinates: LonLat;
  /** The region this endpoint is, when given by region id (what-if can fail it). */
  readonly regionId: string | null;
  /**
   * ISO 3166-1 alpha-2 country, where known; for a bare point the internet model takes the
   * country of its nearest backbone node.
   */
  readonly country: string | null;
}

export function resolveEndpoint(world: World, input: unknown, field: string): Endpoint {
  if (typeof input === 'string') {
    const region = world.regions.find((r) => r.id === input);
    if (region) return { label: region.id, coordinates: region.coordinates, regionId: region.id, country: region.country };
    const market = world.markets.find((m) => m.id === input);
    if (market) return { label: market.id, coordinates: market.coordinates, regionId: null, country: market.country };
    const known = [...world.regions.map((r) => r.id), ...world.markets.map((m) => m.id)];
    throw new InvalidArgumentError(
      field, `is "${input}", which is neither a region id nor a market id.${didYouMean(input, known)}`,
    );
  }
  if (!isPointLike(input)) {
    throw new InvalidArgumentError(field, 'must be a region or market id, [lon, lat], a GeoJSON Point or a Point Feature.');
  }
  const coordinates = toLonLat(input, field);
  return { label: `${coordinates[0]},${coordinates[1]}`, coordinates, regionId: null, country: featureCountry(input, field) };
}

/** A Point Feature's `properties.country`, checked: an ISO code with a macro-region. */
function featureCountry(input: unknown, field: string): string | null {
  const properties = (input as { type?: unknown; properties?: unknown }).type === 'Feature' ? (input as { properties?: unknown }).properties : null;
  if (typeof properties !== 'object' || properties === null || !('country' in properties)) return null;
  const country = (properties as { country: unknown }).country;
  if (typeof country !== 'string' || macroRegionOf(country) === null) {
    throw new InvalidArgumentError(`${field}.properties.country`, `must be an ISO 3166-1 alpha-2 code such as "SG"; got ${describe(country)}.`);
  }
  return country;
}

export function resolveEndpoints(world: World, inputs: unknown, field: string): Endpoint[] {
  if (!Array.isArray(inputs)) {
    throw new InvalidArgumentError(field, 'must be an array of region ids, market ids or [lon, lat] points.');
  }
  return inputs.map((input, i) => resolveEndpoint(world, input, `${field}[${i}]`));
}

// What a latency query may name as an endpoint: a region id, a market id, `[lon, lat]`, a GeoJSON
// Point or a Point Feature. Each resolves once to coordinates and a label for results.

import { isPointLike, type LonLat, type PointInput, toLonLat } from '../geo/coordinates.js';
import { InvalidArgumentError } from '../errors.js';
import type { World } from '../world/world.js';
import { didYouMean } from '../world/suggest.js';

export type EndpointInput = string | PointInput;

export interface Endpoint {
  /** The id given, or "lon,lat" for a point. */
  readonly label: string;
  readonly coordinates: LonLat;
  /** The region this endpoint is, when given by region id (what-if can fail it). */
  readonly regionId: string | null;
}

export function resolveEndpoint(world: World, input: unknown, functionName: string, field: string): Endpoint {
  if (typeof input === 'string') {
    const region = world.regions.find((r) => r.id === input);
    if (region) return { label: region.id, coordinates: region.coordinates, regionId: region.id };
    const market = world.markets.find((m) => m.id === input);
    if (market) return { label: market.id, coordinates: market.coordinates, regionId: null };
    const known = [...world.regions.map((r) => r.id), ...world.markets.map((m) => m.id)];
    throw new InvalidArgumentError(
      functionName, field, `is "${input}", which is neither a region id nor a market id.${didYouMean(input, known)}`,
    );
  }
  if (!isPointLike(input)) {
    throw new InvalidArgumentError(functionName, field, 'must be a region or market id, [lon, lat], a GeoJSON Point or a Point Feature.');
  }
  const coordinates = toLonLat(input, functionName, field);
  return { label: `${coordinates[0]},${coordinates[1]}`, coordinates, regionId: null };
}

export function resolveEndpoints(world: World, inputs: unknown, functionName: string, field: string): Endpoint[] {
  if (!Array.isArray(inputs)) {
    throw new InvalidArgumentError(functionName, field, 'must be an array of region ids, market ids or [lon, lat] points.');
  }
  return inputs.map((input, i) => resolveEndpoint(world, input, functionName, `${field}[${i}]`));
}

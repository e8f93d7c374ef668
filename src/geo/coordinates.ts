// One place that turns what callers pass as a point into `[lon, lat]` (RFC 7946 order) and checks
// it: `[lon, lat]` arrays, GeoJSON Points and Point Features. A latitude beyond 90 degrees is the
// usual sign of `[lat, lon]` given by mistake, and the error says so.

import type { Feature, Point } from 'geojson';
import { InvalidArgumentError } from '../errors.js';

/** `[longitude, latitude]` in decimal degrees. */
export type LonLat = readonly [number, number];

/**
 * A point as callers may pass it: `[lon, lat]` in degrees (longitude first, as in GeoJSON), a
 * GeoJSON Point or a Point Feature; an altitude after `[lon, lat]` is ignored, and latency calls
 * read a Feature's `properties.country` (ISO 3166-1 alpha-2) where given. A latitude beyond 90
 * degrees is refused with a hint that the pair looks swapped.
 */
export type PointInput = LonLat | readonly number[] | Point | Feature<Point>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether `value` looks like a point (array of two numbers or GeoJSON), valid or not. */
export function isPointLike(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  return isRecord(value) && (value.type === 'Point' || value.type === 'Feature');
}

export function toLonLat(value: unknown, field: string): LonLat {
  let coordinates: unknown = value;
  if (isRecord(value) && value.type === 'Feature') {
    const geometry = value.geometry as Record<string, unknown> | null;
    if (!isRecord(geometry) || geometry.type !== 'Point') {
      throw new InvalidArgumentError(field, 'is a GeoJSON Feature without a Point geometry; pass a Point Feature or [lon, lat].');
    }
    coordinates = geometry.coordinates;
    field = `${field}.geometry.coordinates`;
  } else if (isRecord(value) && value.type === 'Point') {
    coordinates = value.coordinates;
    field = `${field}.coordinates`;
  }
  if (!Array.isArray(coordinates) || coordinates.length < 2 || coordinates.length > 3) {
    throw new InvalidArgumentError(field, 'must be [lon, lat] (longitude first, as in GeoJSON), a GeoJSON Point or a Point Feature.');
  }
  const [lon, lat] = coordinates as unknown[];
  return checkLonLat(lon, lat, field);
}

export function checkLonLat(lon: unknown, lat: unknown, field: string): LonLat {
  if (typeof lon !== 'number' || !Number.isFinite(lon)) {
    throw new InvalidArgumentError(`${field}[0]`, `(longitude) must be a finite number of degrees; got ${String(lon)}.`);
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat)) {
    throw new InvalidArgumentError(`${field}[1]`, `(latitude) must be a finite number of degrees; got ${String(lat)}.`);
  }
  if (Math.abs(lat) > 90) {
    const swapped = Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
    throw new InvalidArgumentError(
      `${field}[1]`,
      `(latitude) is ${lat}, beyond +-90 degrees` +
        (swapped ? `: this looks like [lat, lon]; geoslo takes [lon, lat], so pass [${lat}, ${lon}].` : '; pass [lon, lat] in degrees.'),
    );
  }
  if (Math.abs(lon) > 180) {
    throw new InvalidArgumentError(`${field}[0]`, `(longitude) is ${lon}, beyond +-180 degrees; pass [lon, lat] in degrees.`);
  }
  return [lon, lat];
}

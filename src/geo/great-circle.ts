// Great-circle distance and the fibre lower bound on round-trip time. Light in fibre travels at
// about 204,190 km/s (refractive index ~1.468), so no route can answer faster than this bound.

import { distance } from '@turf/distance';
import type { LonLat } from './coordinates.js';

/** Speed of light in optical fibre, km/s. */
export const FIBRE_KM_PER_SECOND = 204_190;

/** Round-trip milliseconds per km of fibre route. */
export const FIBRE_RTT_MS_PER_KM = (2 * 1000) / FIBRE_KM_PER_SECOND;

/**
 * Great-circle distance in kilometres between two `[lon, lat]` points, on a sphere of the Earth's
 * mean radius (Turf's `distance`).
 *
 * @example
 * ```ts
 * import { greatCircleKm } from 'geoslo';
 *
 * greatCircleKm([103.82, 1.35], [114.17, 22.32]); // Singapore to Hong Kong: about 2,586 km
 * ```
 */
export function greatCircleKm(from: LonLat, to: LonLat): number {
  return distance(from as [number, number], to as [number, number], { units: 'kilometers' });
}

/**
 * The fastest possible round trip in milliseconds between two `[lon, lat]` points:
 * `2 * greatCircleKm / 204,190 km/s`, light in fibre along the great circle. Every modelled RTT is
 * at least this.
 *
 * @example
 * ```ts
 * import { fibreLowerBoundMs } from 'geoslo';
 *
 * fibreLowerBoundMs([103.82, 1.35], [114.17, 22.32]); // Singapore to Hong Kong: about 25.3 ms
 * ```
 */
export function fibreLowerBoundMs(from: LonLat, to: LonLat): number {
  return greatCircleKm(from, to) * FIBRE_RTT_MS_PER_KM;
}

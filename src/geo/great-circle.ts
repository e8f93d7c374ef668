// Great-circle distance and the fibre lower bound on round-trip time. Light in fibre travels at
// about 204,190 km/s (refractive index ~1.468), so no route can answer faster than this bound.

import { distance } from '@turf/distance';
import type { LonLat } from './coordinates.js';

/** Speed of light in optical fibre, km/s. */
export const FIBRE_KM_PER_SECOND = 204_190;

/** Round-trip milliseconds per km of fibre route. */
export const FIBRE_RTT_MS_PER_KM = (2 * 1000) / FIBRE_KM_PER_SECOND;

export function greatCircleKm(from: LonLat, to: LonLat): number {
  return distance(from as [number, number], to as [number, number], { units: 'kilometers' });
}

/** The fastest possible round trip between two points: `2 * greatCircleKm / 204,190 km/s`. */
export function fibreLowerBoundMs(from: LonLat, to: LonLat): number {
  return greatCircleKm(from, to) * FIBRE_RTT_MS_PER_KM;
}

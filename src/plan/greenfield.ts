// The bundled greenfield candidates: major metros without a region nearby, where a new site (a
// data centre, or a local point of presence) could serve demand the regions miss. The rule, not a
// hand list, picks them, so it follows the data: bundled markets of at least MIN_POPULATION whose
// nearest operating region is farther than MIN_DISTANCE_KM.

import { greatCircleKm } from '../geo/great-circle.js';
import { isOperating } from '../world/regions.js';
import type { World } from '../world/world.js';
import type { PlanCandidate } from './scenario.js';

/** A bundled market is a greenfield candidate only if at least this populous. */
export const GREENFIELD_MIN_POPULATION = 4_000_000;
/** ... and only if every operating region is farther than this (great-circle km). */
export const GREENFIELD_MIN_DISTANCE_KM = 500;
export const GREENFIELD_PREFIX = 'greenfield:';

/**
 * Greenfield candidates by id (`greenfield:<market id>`), largest metros first: bundled markets of
 * at least {@link GREENFIELD_MIN_POPULATION} people whose nearest operating region is farther than
 * {@link GREENFIELD_MIN_DISTANCE_KM}. A scenario may name them in `candidates.greenfield`.
 *
 * @param world - the world whose markets and regions pick the sites, e.g. `bundledWorld`
 * @example
 * ```ts
 * import { bundledGreenfield, bundledWorld, plan } from 'geoslo';
 *
 * const ids = [...bundledGreenfield(bundledWorld).keys()]; // ['greenfield:in-delhi', 'greenfield:bd-dhaka', ...]
 * plan({ markets: { countries: ['BR', 'CL'] }, candidates: { greenfield: ids.filter((id) => id.startsWith('greenfield:br-')) } });
 * ```
 */
export function bundledGreenfield(world: World): Map<string, PlanCandidate> {
  const operating = world.regions.filter(isOperating);
  const sites = world.markets
    .filter((market) => market.population >= GREENFIELD_MIN_POPULATION)
    .filter((market) => operating.every((region) => greatCircleKm(market.coordinates, region.coordinates) > GREENFIELD_MIN_DISTANCE_KM))
    .sort((a, b) => b.population - a.population || a.id.localeCompare(b.id));
  return new Map(sites.map((market) => {
    const id = `${GREENFIELD_PREFIX}${market.id}`;
    return [id, Object.freeze({ id, name: `${market.name} (greenfield)`, kind: 'greenfield' as const, country: market.country, coordinates: market.coordinates })];
  }));
}

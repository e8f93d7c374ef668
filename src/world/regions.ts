// The provider's regions (data/regions.json): the 29 operating in mid-2025, plus the two closed in
// 2024 and the listed-but-unverified ones, kept and marked by status rather than dropped.

import regionsJson from '../../data/regions.json';
import { publicEntry } from '../errors.js';
import { FieldReader } from './parse.js';
import type { Region, RegionStatus } from './records.js';

/** Every region status, in the order reports list them. */
export const REGION_STATUSES: readonly RegionStatus[] = ['open', 'open-2025', 'closed', 'planned'];

/**
 * Checks region records field by field (the shape of data/regions.json's `regions`) and returns
 * them frozen, for a world of one's own.
 *
 * @param json - an array of region records
 * @param functionName - the name errors are attributed to, e.g. your loader's
 * @param path - the JSON path errors name for the array (default `'regions'`)
 * @throws {@link InvalidArgumentError} naming the path of the first bad field, or a repeated id
 * @example
 * ```ts
 * import { bundledWorld, estimateRtt, parseRegions } from 'geoslo';
 *
 * const regions = parseRegions([
 *   { id: 'dc-jakarta', name: 'Our Jakarta DC', city: 'Jakarta', country: 'ID', coordinates: [106.85, -6.21], status: 'open', zones: 2, source: 'own records' },
 * ], 'loadOwnRegions');
 * const world = { ...bundledWorld, regions: [...bundledWorld.regions, ...regions] };
 * estimateRtt('dc-jakarta', 'ap-southeast-1', { world });
 * ```
 */
export function parseRegions(json: unknown, functionName: string, path = 'regions'): readonly Region[] {
  return publicEntry(functionName, () => {
    const read = new FieldReader();
    const regions = read.array(json, path).map((entry, i): Region => {
      const at = `${path}[${i}]`;
      const record = read.object(entry, at);
      const note = read.optionalString(record.note, `${at}.note`);
      return Object.freeze({
        id: read.string(record.id, `${at}.id`),
        name: read.string(record.name, `${at}.name`),
        city: read.string(record.city, `${at}.city`),
        country: read.country(record.country, `${at}.country`),
        coordinates: read.lonLat(record.coordinates, `${at}.coordinates`),
        status: read.oneOf(record.status, `${at}.status`, REGION_STATUSES),
        zones: read.nullableNumber(record.zones, `${at}.zones`, { min: 1, integer: true }),
        ...(note === undefined ? {} : { note }),
        source: read.string(record.source, `${at}.source`),
      });
    });
    read.uniqueIds(regions, path);
    return Object.freeze(regions);
  });
}

/** The bundled regions, in data-file order. */
export const regions: readonly Region[] = parseRegions(regionsJson.regions, 'regions');

/**
 * The provider's stated footprint, as data/regions.json records it.
 * @inline
 */
interface ProviderFootprint {
  /** Regions the provider states are operating. */
  readonly operatingRegions: number;
  /** Availability zones the provider states across those regions. */
  readonly availabilityZones: number;
  /** When the statement was made, e.g. `2025`. */
  readonly asOf: string;
  /** The statement, as a citation. */
  readonly source: string;
}

/** The provider's own total, recorded as stated (per-region zone counts are mostly unknown). */
export const providerFootprint: ProviderFootprint = Object.freeze({ ...regionsJson.provider });

/**
 * Regions operating in mid-2025 (status 'open' or 'open-2025').
 *
 * @example
 * ```ts
 * import { isOperating, regions } from 'geoslo';
 *
 * const operating = regions.filter(isOperating); // the 29 regions operating in mid-2025
 * ```
 */
export function isOperating(region: Region): boolean {
  return region.status === 'open' || region.status === 'open-2025';
}

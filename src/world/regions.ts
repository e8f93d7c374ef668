// The provider's regions (data/regions.json): the 29 operating in mid-2025, plus the two closed in
// 2024 and the listed-but-unverified ones, kept and marked by status rather than dropped.

import regionsJson from '../../data/regions.json';
import { FieldReader } from './parse.js';
import type { Region, RegionStatus } from './records.js';

export const REGION_STATUSES: readonly RegionStatus[] = ['open', 'open-2025', 'closed', 'planned'];

export function parseRegions(json: unknown, functionName: string, path = 'regions'): readonly Region[] {
  const read = new FieldReader(functionName);
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
}

/** The bundled regions, in data-file order. */
export const regions: readonly Region[] = parseRegions(regionsJson.regions, 'regions');

/** The provider's own total, recorded as stated (per-region zone counts are mostly unknown). */
export const providerFootprint = Object.freeze({ ...regionsJson.provider });

/** Regions operating in mid-2025 (status 'open' or 'open-2025'). */
export function isOperating(region: Region): boolean {
  return region.status === 'open' || region.status === 'open-2025';
}

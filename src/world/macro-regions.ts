// Nine macro-regions (data/macro-regions.json, after the UN M49 regions) that group countries for
// the latency model's regional terms, for the residuals behind RTT intervals and for accuracy
// reports. Every ISO 3166-1 alpha-2 code belongs to exactly one.

import macroRegionsJson from '../../data/macro-regions.json';
import { FieldReader } from './parse.js';

/** The nine macro-region ids, after the UN M49 regions. */
export const MACRO_REGION_IDS = Object.freeze([
  'southeast-asia', 'middle-east', 'latin-america', 'africa', 'south-asia', 'east-asia', 'europe', 'north-america', 'oceania',
] as const);

/** A macro-region id, one of {@link MACRO_REGION_IDS}. */
export type MacroRegion = (typeof MACRO_REGION_IDS)[number];

/** A macro-region and its member countries (data/macro-regions.json). */
export interface MacroRegionRecord {
  /** The macro-region's id. */
  readonly id: MacroRegion;
  /** Its display name, e.g. `Southeast Asia`. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 codes. */
  readonly countries: readonly string[];
}

function parseMacroRegions(json: unknown): { records: readonly MacroRegionRecord[]; byCountry: ReadonlyMap<string, MacroRegion> } {
  const read = new FieldReader();
  const root = read.object(json, 'macroRegions');
  const byCountry = new Map<string, MacroRegion>();
  const records = read.array(root.regions, 'macroRegions.regions').map((entry, i): MacroRegionRecord => {
    const at = `macroRegions.regions[${i}]`;
    const record = read.object(entry, at);
    const id = read.oneOf(record.id, `${at}.id`, MACRO_REGION_IDS);
    const countries = read.array(record.countries, `${at}.countries`).map((code, k) => {
      const country = read.country(code, `${at}.countries[${k}]`);
      if (byCountry.has(country)) read.fail(`${at}.countries[${k}]`, `"${country}" is already in ${byCountry.get(country)}; a country belongs to one macro-region.`);
      byCountry.set(country, id);
      return country;
    });
    return Object.freeze({ id, name: read.string(record.name, `${at}.name`), countries: Object.freeze(countries) });
  });
  for (const id of MACRO_REGION_IDS) {
    if (!records.some((record) => record.id === id)) read.fail('macroRegions.regions', `has no entry for "${id}".`);
  }
  return { records: Object.freeze(records), byCountry };
}

const parsed = parseMacroRegions(macroRegionsJson);

/** The macro-regions with their names and member countries. */
export const macroRegions: readonly MacroRegionRecord[] = parsed.records;

/**
 * The macro-region of an ISO 3166-1 alpha-2 country code, or null for a code that names no country.
 *
 * @example
 * ```ts
 * import { macroRegionOf } from 'geoslo';
 *
 * macroRegionOf('SG'); // 'southeast-asia'
 * macroRegionOf('XX'); // null
 * ```
 */
export function macroRegionOf(country: string): MacroRegion | null {
  return parsed.byCountry.get(country) ?? null;
}

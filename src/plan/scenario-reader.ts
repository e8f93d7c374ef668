// The checks on a scenario that its schema cannot make (scenario-schema.ts checks the structure
// first): countries that must exist, ids that must be known, points on the globe. Each names the
// JSON path of the field and what is allowed there, and an unknown id suggests the closest one.

import { InvalidArgumentError } from '../errors.js';
import { checkLonLat, type LonLat } from '../geo/coordinates.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/suggest.js';
import { macroRegionOf } from '../world/macro-regions.js';
import type { CustomPoint } from './scenario.js';

export class Reader {
  fail(path: string, message: string): never {
    throw new InvalidArgumentError(path, message);
  }

  country(value: unknown, path: string): string {
    if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value) || macroRegionOf(value) === null) {
      const upper = typeof value === 'string' ? value.toUpperCase() : '';
      const hint = upper !== value && /^[A-Z]{2}$/.test(upper) && macroRegionOf(upper) !== null ? ` Did you mean "${upper}"? Codes are upper case.` : '';
      this.fail(path, `must be an ISO 3166-1 alpha-2 code such as "ID"; got ${describe(value)}.${hint}`);
    }
    return value;
  }

  /** A country that must be among `known` (where a rule about it would otherwise apply to nothing). */
  countryAmong(value: unknown, path: string, known: readonly string[], what: string): string {
    const code = this.country(value, path);
    if (!known.includes(code)) this.fail(path, `is "${code}", which has no ${what}, so the rule would apply to nothing.${didYouMean(code, known)}`);
    return code;
  }

  /** A point of the user's own, its structure already checked: its coordinates and country must exist. */
  point(value: CustomPoint, path: string): CustomPoint & { coordinates: LonLat } {
    return {
      ...value,
      country: value.country === undefined ? undefined : this.country(value.country, `${path}.country`),
      coordinates: checkLonLat(value.coordinates[0], value.coordinates[1], `${path}.coordinates`),
    };
  }
}

export function knownId(read: Reader, id: string, path: string, known: readonly string[], what: string): string {
  if (!known.includes(id)) read.fail(path, `is "${id}", which is not a ${what}.${didYouMean(id, known)}`);
  return id;
}


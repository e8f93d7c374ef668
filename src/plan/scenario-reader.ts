// Reads scenario JSON field by field: each check names the JSON path of the bad field and what is
// allowed there, and an unknown id suggests the closest known one.

import { InvalidArgumentError } from '../errors.js';
import { checkLonLat, type LonLat } from '../geo/coordinates.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/suggest.js';
import { macroRegionOf } from '../world/macro-regions.js';
import type { CustomPoint } from './scenario.js';

const FUNCTION = 'plan';

export class Reader {
  fail(path: string, message: string): never {
    throw new InvalidArgumentError(FUNCTION, path, message);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, `must be an object; got ${describe(value)}.`);
    return value as Record<string, unknown>;
  }

  /** Rejects keys the scenario format does not have, so a typo is not silently ignored. */
  keys(record: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail(`${path}.${key}`, `is not a scenario field; allowed here: ${allowed.join(', ')}.${didYouMean(key, allowed)}`);
    }
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `must be an array; got ${describe(value)}.`);
    return value;
  }

  strings(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, i) => {
      if (typeof item !== 'string' || item.length === 0) this.fail(`${path}[${i}]`, `must be a non-empty string; got ${describe(item)}.`);
      return item;
    });
  }

  nonNegative(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) this.fail(path, `must be a finite number of milliseconds >= 0; got ${describe(value)}.`);
    return value;
  }

  fraction(value: unknown, path: string): number {
    if (typeof value !== 'number' || !(value > 0 && value < 1)) {
      this.fail(path, `must be a number strictly between 0 and 1, such as 0.9 (the 90th percentile); got ${describe(value)}.`);
    }
    return value;
  }

  positive(value: unknown, path: string, integer = false): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      this.fail(path, `must be a ${integer ? 'positive integer' : 'number > 0'}; got ${describe(value)}.`);
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) {
      this.fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}; got ${describe(value)}.${typeof value === 'string' ? didYouMean(value, allowed) : ''}`);
    }
    return value as T;
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

  point(value: unknown, path: string, fields: readonly string[] = ['id', 'name', 'country', 'coordinates', 'weight']): CustomPoint & { coordinates: LonLat } {
    const record = this.object(value, path);
    this.keys(record, path, fields);
    if (typeof record.id !== 'string' || record.id.length === 0) this.fail(`${path}.id`, 'must be a non-empty string naming the point.');
    const coordinates = record.coordinates;
    if (!Array.isArray(coordinates) || coordinates.length !== 2) this.fail(`${path}.coordinates`, 'must be [lon, lat] (longitude first).');
    return {
      id: record.id,
      name: record.name === undefined ? undefined : String(record.name),
      country: record.country === undefined ? undefined : this.country(record.country, `${path}.country`),
      coordinates: checkLonLat(coordinates[0], coordinates[1], FUNCTION, `${path}.coordinates`),
      weight: record.weight === undefined ? undefined : this.positive(record.weight, `${path}.weight`),
      accessMs: record.accessMs === undefined ? undefined : this.nonNegative(record.accessMs, `${path}.accessMs`),
    };
  }
}

export function knownId(read: Reader, id: string, path: string, known: readonly string[], what: string): string {
  if (!known.includes(id)) read.fail(path, `is "${id}", which is not a ${what}.${didYouMean(id, known)}`);
  return id;
}


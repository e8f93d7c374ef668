// Field checks for world data, bundled or supplied by a user: each failure names the JSON path of
// the bad field and what it should hold.

import { checkLonLat, type LonLat } from '../geo/coordinates.js';
import { InvalidArgumentError } from '../errors.js';

export class FieldReader {
  fail(path: string, message: string): never {
    throw new InvalidArgumentError(path, message);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'must be an object.');
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'must be an array.');
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.length === 0) this.fail(path, 'must be a non-empty string.');
    return value;
  }

  optionalString(value: unknown, path: string): string | undefined {
    return value === undefined ? undefined : this.string(value, path);
  }

  number(value: unknown, path: string, { min = -Infinity, integer = false } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      this.fail(path, `must be a finite ${integer ? 'integer' : 'number'}${min > -Infinity ? ` >= ${min}` : ''}; got ${JSON.stringify(value)}.`);
    }
    return value;
  }

  nullableNumber(value: unknown, path: string, options: { min?: number; integer?: boolean } = {}): number | null {
    return value === null || value === undefined ? null : this.number(value, path, options);
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) this.fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}; got ${JSON.stringify(value)}.`);
    return value as T;
  }

  country(value: unknown, path: string): string {
    const code = this.string(value, path);
    if (!/^[A-Z]{2}$/.test(code)) this.fail(path, `must be an ISO 3166-1 alpha-2 code such as "SG"; got "${code}".`);
    return code;
  }

  lonLat(value: unknown, path: string): LonLat {
    if (!Array.isArray(value) || value.length !== 2) this.fail(path, 'must be [lon, lat] (longitude first).');
    return Object.freeze(checkLonLat(value[0], value[1], path)) as LonLat;
  }

  uniqueIds<T extends { id: string }>(records: readonly T[], path: string): Map<string, T> {
    const byId = new Map<string, T>();
    records.forEach((record, i) => {
      if (byId.has(record.id)) this.fail(`${path}[${i}].id`, `"${record.id}" is used twice; ids must be unique.`);
      byId.set(record.id, record);
    });
    return byId;
  }
}

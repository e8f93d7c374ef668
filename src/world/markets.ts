// Metro markets (data/markets.json) with sourced populations, the default demand weights.

import marketsJson from '../../data/markets.json';
import { FieldReader } from './parse.js';
import type { Market } from './records.js';

export function parseMarkets(json: unknown, functionName: string, path = 'markets'): readonly Market[] {
  const read = new FieldReader(functionName);
  const markets = read.array(json, path).map((entry, i): Market => {
    const at = `${path}[${i}]`;
    const record = read.object(entry, at);
    return Object.freeze({
      id: read.string(record.id, `${at}.id`),
      name: read.string(record.name, `${at}.name`),
      country: read.country(record.country, `${at}.country`),
      coordinates: read.lonLat(record.coordinates, `${at}.coordinates`),
      population: read.number(record.population, `${at}.population`, { min: 0 }),
      populationSource: read.string(record.populationSource, `${at}.populationSource`),
    });
  });
  read.uniqueIds(markets, path);
  return Object.freeze(markets);
}

/** The bundled markets, in data-file order. */
export const markets: readonly Market[] = parseMarkets(marketsJson.markets, 'markets');

/** Full citations of the population sources, by the key each market names. */
export const populationSources: Readonly<Record<string, string>> = Object.freeze({ ...marketsJson.populationSources });

// Metro markets (data/markets.json) with sourced populations, the default demand weights.

import marketsJson from '../../data/markets.json';
import { publicEntry } from '../errors.js';
import { FieldReader } from './parse.js';
import type { Market } from './records.js';

/**
 * Checks market records field by field (the shape of data/markets.json's `markets`) and returns
 * them frozen, for a world of one's own.
 *
 * @param json - an array of market records
 * @param functionName - the name errors are attributed to, e.g. your loader's
 * @param path - the JSON path errors name for the array (default `'markets'`)
 * @throws {@link InvalidArgumentError} naming the path of the first bad field, or a repeated id
 * @example
 * ```ts
 * import { bundledWorld, estimateRtt, parseMarkets } from 'geoslo';
 *
 * const markets = parseMarkets([
 *   { id: 'id-batam', name: 'Batam', country: 'ID', coordinates: [104.03, 1.13], population: 1_200_000, populationSource: 'own estimate' },
 * ], 'loadOwnMarkets');
 * const world = { ...bundledWorld, markets: [...bundledWorld.markets, ...markets] };
 * estimateRtt('id-batam', 'ap-southeast-1', { world, network: 'internet' });
 * ```
 */
export function parseMarkets(json: unknown, functionName: string, path = 'markets'): readonly Market[] {
  return publicEntry(functionName, () => {
    const read = new FieldReader();
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
  });
}

/** The bundled markets, in data-file order. */
export const markets: readonly Market[] = parseMarkets(marketsJson.markets, 'markets');

/** Full citations of the population sources, by the key each market names. */
export const populationSources: Readonly<Record<string, string>> = Object.freeze({ ...marketsJson.populationSources });

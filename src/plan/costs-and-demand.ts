// The user's own figures: a cost per candidate site (a monthly figure in the user's currency) and
// demand weights per country or market (fleet sizes, say) in place of population. Both come from
// the scenario or from a CSV; every candidate needs a cost once any has one, and every market a
// weight once demand is given, so a forgotten row is an error rather than a free site or a market
// that silently stops counting.

import { InvalidArgumentError, publicEntry } from '../errors.js';
import { CsvSyntaxError, parseCsv } from '../util/csv.js';
import { didYouMean } from '../util/suggest.js';
import type * as v from 'valibot';
import type { Reader } from './scenario-reader.js';
import type { DeepReadonly, demandSchema } from './scenario-schema.js';

/** Demand weights as a scenario writes them: per country (split over its markets by population) or per market. */
export interface DemandWeights {
  /** Per ISO country code: shared among the country's markets by population. */
  readonly countries?: Readonly<Record<string, number>>;
  /** Per market id: the market's own weight, overriding its country's share. */
  readonly markets?: Readonly<Record<string, number>>;
}

// The interface is the schema's type, written out to carry its documentation: this fails to
// compile the moment the two differ.
const demandMatchesSchema: [DemandWeights, DeepReadonly<v.InferOutput<typeof demandSchema>>] extends [DeepReadonly<v.InferOutput<typeof demandSchema>>, DemandWeights] ? true : never = true;
void demandMatchesSchema;

/** A market as demand weighting sees it: `baseWeight` is its population (or its custom point's weight). */
export interface WeightedDraft {
  readonly id: string;
  readonly country: string | null;
  readonly baseWeight: number;
}


/**
 * Each market's weight from `{ countries, markets }`: a market's own figure, else its country's
 * figure shared among the country's markets without their own, in proportion to population.
 */
export function readDemandWeights(read: Reader, demand: DemandWeights, drafts: readonly WeightedDraft[]): number[] {
  const path = 'scenario.weights';
  const ids = drafts.map((d) => d.id);
  const countries = [...new Set(drafts.flatMap((d) => (d.country === null ? [] : [d.country])))].sort();
  const byMarket = new Map<string, number>();
  const byCountry = new Map<string, number>();
  for (const [id, weight] of Object.entries(demand.markets ?? {})) {
    if (!ids.includes(id)) read.fail(`${path}.markets.${id}`, `is not a market of this scenario.${didYouMean(id, ids)}`);
    byMarket.set(id, weight);
  }
  for (const [code, weight] of Object.entries(demand.countries ?? {})) {
    read.country(code, `${path}.countries.${code}`);
    if (!countries.includes(code)) read.fail(`${path}.countries.${code}`, `is a country with no market in this scenario; remove it, or add its markets to scenario.markets.`);
    byCountry.set(code, weight);
  }
  const missing = drafts.filter((d) => !byMarket.has(d.id) && (d.country === null || !byCountry.has(d.country))).map((d) => d.id);
  if (missing.length > 0) {
    const shown = missing.slice(0, 8).join(', ') + (missing.length > 8 ? `, and ${missing.length - 8} more` : '');
    read.fail(path, `gives no weight for ${missing.length} market(s): ${shown}. Give their country or market a weight (0 if it has no demand).`);
  }
  if (drafts.every((d) => byMarket.get(d.id) === 0 || (!byMarket.has(d.id) && byCountry.get(d.country as string) === 0))) {
    read.fail(path, 'gives every market a weight of 0, so no demand is left to plan for; give some market or country a weight > 0.');
  }
  const sharers = new Map<string, number>();
  for (const d of drafts) if (!byMarket.has(d.id) && d.country !== null) sharers.set(d.country, (sharers.get(d.country) ?? 0) + d.baseWeight);
  return drafts.map((d) => {
    const own = byMarket.get(d.id);
    if (own !== undefined) return own;
    const total = sharers.get(d.country as string) as number;
    return (byCountry.get(d.country as string) as number) * (total === 0 ? 0 : d.baseWeight / total);
  });
}

/** Each candidate's cost from `{ id: figure }`, or null when the scenario gives none. */
export function readCosts(read: Reader, costs: Readonly<Record<string, number>> | undefined, candidateIds: readonly string[]): number[] | null {
  if (costs === undefined) return null;
  const path = 'scenario.candidates.costs';
  for (const id of Object.keys(costs)) {
    if (!candidateIds.includes(id)) read.fail(`${path}.${id}`, `is not a candidate of this scenario.${didYouMean(id, candidateIds)}`);
  }
  const missing = candidateIds.filter((id) => !(id in costs));
  if (missing.length > 0) {
    read.fail(path, `has no cost for ${missing.length} candidate(s): ${missing.join(', ')}. Every candidate needs one (0 for a site already paid for), or exclude the site.`);
  }
  return candidateIds.map((id) => costs[id] as number);
}

export interface CsvFigures {
  readonly keyColumn: string;
  readonly figures: Record<string, number>;
  /** The line each key was on, so later errors about a figure can point at its row. */
  readonly lines: Record<string, number>;
}

/** A CSV's rows as `{ key: number }`, reading the first of `keyColumns` present and `valueColumn`; errors name the file and line. */
export function csvFigures(text: string, file: string, keyColumns: readonly string[], valueColumn: string): CsvFigures {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InvalidArgumentError(file, error.message);
    throw error;
  }
  const keyColumn = keyColumns.find((name) => table.header.includes(name));
  const valueAt = table.header.indexOf(valueColumn);
  if (keyColumn === undefined || valueAt === -1) {
    throw new InvalidArgumentError(file, `must have a header with ${keyColumns.join(' or ')} and ${valueColumn}; it has ${table.header.join(', ') || 'no header'}.`);
  }
  const keyAt = table.header.indexOf(keyColumn);
  const figures: Record<string, number> = {};
  const lines: Record<string, number> = {};
  for (const { line, cells } of table.rows) {
    const key = (cells[keyAt] ?? '').trim();
    const raw = (cells[valueAt] ?? '').trim();
    // Plain decimals only: Number() would also take "0x10" or "Infinity".
    const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (key === '') throw new InvalidArgumentError(`${file} line ${line}, column ${keyColumn}`, 'is empty.');
    if (!Number.isFinite(value) || value < 0) throw new InvalidArgumentError(`${file} line ${line}, column ${valueColumn}`, `must be a number >= 0; got "${raw}".`);
    if (key in figures) throw new InvalidArgumentError(`${file} line ${line}, column ${keyColumn}`, `repeats "${key}"; give each one row.`);
    figures[key] = value;
    lines[key] = line;
  }
  return { keyColumn, figures, lines };
}

/**
 * Costs from a CSV with columns `site,cost` (a monthly figure per candidate id), for a scenario's
 * `candidates.costs`.
 *
 * @param text - the CSV text, with a header row
 * @param file - how errors name the file (default `'costs CSV'`)
 * @param command - the name errors are attributed to (default `'parseCostsCsv'`)
 * @throws {@link InvalidArgumentError} naming the file, line and column of a bad or repeated row, or a missing column
 * @example
 * ```ts
 * import { parseCostsCsv, plan } from 'geoslo';
 *
 * const costs = parseCostsCsv('site,cost\nap-southeast-1,1200\nme-central-1,1500\n'); // { 'ap-southeast-1': 1200, 'me-central-1': 1500 }
 * plan({
 *   markets: { countries: ['SG', 'SA'] },
 *   objective: { type: 'least-cost' },
 *   candidates: { regions: ['ap-southeast-1', 'me-central-1'], costs, costUnit: 'USD per month' },
 * });
 * ```
 */
export function parseCostsCsv(text: string, file = 'costs CSV', command = 'parseCostsCsv'): Record<string, number> {
  return publicEntry(command, () => csvFigures(text, file, COSTS_COLUMNS.key, COSTS_COLUMNS.value).figures);
}

export const COSTS_COLUMNS = { key: ['site'], value: 'cost' } as const;
export const DEMAND_COLUMNS = { key: ['country', 'market'], value: 'weight' } as const;

/**
 * Demand from a CSV with columns `country,weight` or `market,weight`, for a scenario's `weights`.
 *
 * @param text - the CSV text, with a header row
 * @param file - how errors name the file (default `'demand CSV'`)
 * @param command - the name errors are attributed to (default `'parseDemandCsv'`)
 * @throws {@link InvalidArgumentError} naming the file, line and column of a bad or repeated row, or a missing column
 * @example
 * ```ts
 * import { parseDemandCsv, plan } from 'geoslo';
 *
 * const weights = parseDemandCsv('country,weight\nID,120000\nTH,45000\n'); // { countries: { ID: 120000, TH: 45000 } }
 * plan({ markets: { countries: ['ID', 'TH'] }, weights });
 * ```
 */
export function parseDemandCsv(text: string, file = 'demand CSV', command = 'parseDemandCsv'): DemandWeights {
  return publicEntry(command, () => {
    const { keyColumn, figures } = csvFigures(text, file, DEMAND_COLUMNS.key, DEMAND_COLUMNS.value);
    return keyColumn === 'country' ? { countries: figures } : { markets: figures };
  });
}

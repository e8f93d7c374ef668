// RTT quantiles from cross-validated residuals. A model gives the median; how far measured RTTs
// fall from it depends on the network, the distance and where the ends are. So for each quantile
// on a grid, the log ratio of measured to modelled RTT is fitted (by quantile regression: least
// pinball loss) as a term per distance band plus half a term per end's macro-region, and the
// quantile of a pair is its median times exp(that quantile's value minus the median's). The tables
// ship in data/latency-model.json, written by `npm run accuracy` from held-out residuals.

import latencyModelJson from '../../data/latency-model.json';
import { InvalidArgumentError } from '../errors.js';
import { describe } from '../util/describe.js';
import { MACRO_REGION_IDS, type MacroRegion } from '../world/macro-regions.js';
import type { Network } from './network.js';

/** Upper edges of the distance bands, great-circle km; the last band is open. */
export const DISTANCE_BANDS_KM = Object.freeze([1_000, 3_000] as const);

/** Quantiles the tables hold; others are interpolated between neighbours, clamped at the ends. */
export const QUANTILE_GRID = Object.freeze([0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99]);

export interface IntervalTable {
  /** Residual pairs the table was fitted on. */
  readonly pairs: number;
  /** Per grid quantile: log-ratio term per distance band. */
  readonly bandTerms: readonly (readonly number[])[];
  /** Per grid quantile: log-ratio term per macro-region (each end contributes half its region's). */
  readonly regionTerms: readonly Readonly<Record<MacroRegion, number>>[];
}

/** One held-out residual: log(measured / modelled) and what it is conditioned on. */
export interface Residual {
  readonly logRatio: number;
  readonly distanceKm: number;
  readonly regions: readonly [MacroRegion, MacroRegion];
}

export function distanceBand(distanceKm: number): number {
  const band = DISTANCE_BANDS_KM.findIndex((edge) => distanceKm < edge);
  return band === -1 ? DISTANCE_BANDS_KM.length : band;
}

export function checkQuantile(value: unknown, field: string): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new InvalidArgumentError(field, `must be a number strictly between 0 and 1 (0.5 is the median, 0.9 the 90th percentile); got ${describe(value)}.`);
  }
  return value;
}

/** The fitted log-ratio quantile at grid position g for a pair. */
function termAt(table: IntervalTable, g: number, band: number, regions: readonly [MacroRegion, MacroRegion]): number {
  return table.bandTerms[g][band] + (table.regionTerms[g][regions[0]] + table.regionTerms[g][regions[1]]) / 2;
}

/**
 * The factor that turns a pair's modelled median into its `quantile`: exp of the fitted log-ratio
 * quantile minus the fitted median, non-decreasing in the quantile.
 */
export function quantileFactor(table: IntervalTable, quantile: number, distanceKm: number, regions: readonly [MacroRegion, MacroRegion]): number {
  const band = distanceBand(distanceKm);
  // Quantile curves fitted one grid point at a time may cross; a running maximum uncrosses them.
  const curve: number[] = [];
  for (let g = 0; g < QUANTILE_GRID.length; g++) curve.push(Math.max(termAt(table, g, band, regions), g > 0 ? curve[g - 1] : -Infinity));
  const median = curve[QUANTILE_GRID.indexOf(0.5)];
  const clamped = Math.min(Math.max(quantile, QUANTILE_GRID[0]), QUANTILE_GRID[QUANTILE_GRID.length - 1]);
  let upper = QUANTILE_GRID.findIndex((q) => q >= clamped);
  if (upper === 0) upper = 1;
  const lower = upper - 1;
  const share = (clamped - QUANTILE_GRID[lower]) / (QUANTILE_GRID[upper] - QUANTILE_GRID[lower]);
  return Math.exp(curve[lower] + share * (curve[upper] - curve[lower]) - median);
}

const SWEEPS = 30;

/** The weighted q-quantile of `values`: the c that minimises the sum of w_i * pinball_q(values_i - c). */
function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  for (const i of order) {
    running += weights[i];
    if (running >= q * total) return values[i];
  }
  return values[order[order.length - 1]];
}

/**
 * Fits the table to residuals by coordinate descent on the pinball loss: each band term is the
 * quantile of what the region terms leave, each region term the weighted quantile of what the
 * rest leaves (an end counts half, a pair with both ends in the region counts whole). Regions with
 * no residual keep a term of 0.
 */
export function fitIntervalTable(residuals: readonly Residual[]): IntervalTable {
  if (residuals.length === 0) throw new InvalidArgumentError('residuals', 'must hold at least one residual.');
  const bands = residuals.map((r) => distanceBand(r.distanceKm));
  const bandTerms: number[][] = [];
  const regionTerms: Record<MacroRegion, number>[] = [];
  for (const q of QUANTILE_GRID) {
    const bandTerm = new Array<number>(DISTANCE_BANDS_KM.length + 1).fill(0);
    const regionTerm = Object.fromEntries(MACRO_REGION_IDS.map((id) => [id, 0])) as Record<MacroRegion, number>;
    const regionPart = (i: number) => (regionTerm[residuals[i].regions[0]] + regionTerm[residuals[i].regions[1]]) / 2;
    for (let sweep = 0; sweep < SWEEPS; sweep++) {
      for (let band = 0; band < bandTerm.length; band++) {
        const members = residuals.map((_, i) => i).filter((i) => bands[i] === band);
        if (members.length > 0) bandTerm[band] = weightedQuantile(members.map((i) => residuals[i].logRatio - regionPart(i)), members.map(() => 1), q);
      }
      for (const region of MACRO_REGION_IDS) {
        const values: number[] = [];
        const weights: number[] = [];
        residuals.forEach((r, i) => {
          const share = ((r.regions[0] === region ? 1 : 0) + (r.regions[1] === region ? 1 : 0)) / 2;
          if (share === 0) return;
          const rest = r.logRatio - bandTerm[bands[i]] - (regionPart(i) - share * regionTerm[region]);
          values.push(rest / share);
          weights.push(share);
        });
        if (values.length > 0) regionTerm[region] = weightedQuantile(values, weights, q);
      }
    }
    bandTerms.push(bandTerm);
    regionTerms.push(regionTerm);
  }
  return { pairs: residuals.length, bandTerms, regionTerms };
}

/** Reads a table from data/latency-model.json, checking its shape. */
export function parseIntervalTable(json: unknown, path: string): IntervalTable {
  const fail = (message: string): never => {
    throw new InvalidArgumentError(path, message);
  };
  if (typeof json !== 'object' || json === null) fail('must be an object with pairs, bandTerms and regionTerms.');
  const table = json as Record<string, unknown>;
  const rows = QUANTILE_GRID.length;
  const bandTerms = table.bandTerms as unknown[];
  const regionTerms = table.regionTerms as unknown[];
  if (!Array.isArray(bandTerms) || bandTerms.length !== rows || !bandTerms.every((row) => Array.isArray(row) && row.length === DISTANCE_BANDS_KM.length + 1 && row.every(Number.isFinite))) {
    fail(`.bandTerms must hold ${rows} rows of ${DISTANCE_BANDS_KM.length + 1} finite numbers.`);
  }
  if (!Array.isArray(regionTerms) || regionTerms.length !== rows || !regionTerms.every((row) => typeof row === 'object' && row !== null && MACRO_REGION_IDS.every((id) => Number.isFinite((row as Record<string, unknown>)[id])))) {
    fail(`.regionTerms must hold ${rows} objects with a finite number for each of ${MACRO_REGION_IDS.join(', ')}.`);
  }
  return { pairs: Number(table.pairs), bandTerms: bandTerms as number[][], regionTerms: regionTerms as Record<MacroRegion, number>[] };
}

const shippedIntervals = (latencyModelJson as { intervals?: Partial<Record<Network, unknown>> }).intervals ?? {};
const parsedTables = new Map<Network, IntervalTable>();

/** The interval table `npm run accuracy` fitted on held-out residuals for a network. */
export function intervalTableFor(network: Network): IntervalTable {
  let table = parsedTables.get(network);
  if (!table) {
    table = parseIntervalTable(shippedIntervals[network], `intervals.${network}`);
    parsedTables.set(network, table);
  }
  return table;
}

// `npm run accuracy`: leave-cities-out cross-validation of both latency models. Cities (metros) are
// split into folds, stratified by macro-region; each fold's pairs (both ends in the fold) are
// predicted by parameters fitted only on pairs whose ends are both outside it, starting from a
// physical prior, never from the shipped fit. So no endpoint city is in both the fitted and the
// scored part. Intervals are honest the same way: each outer fold's quantile tables are fitted on
// residuals of an inner cross-validation over its training cities only. Beside each model, the
// baseline "great-circle fibre bound x factor + offset", fitted the same way. Reports MdAPE, p90
// APE and median signed error overall, per macro-region (pairs touching it) and per distance band,
// interval coverage, and the worst pairs; writes bench/results/accuracy.json and the shipped
// interval tables (fitted on all held-out residuals) into data/latency-model.json.
//
//   npm run accuracy [-- --network internet|backbone] [--folds 4] [--repeats 2] [--inner-folds 2]

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FIBRE_RTT_MS_PER_KM, greatCircleKm } from '../src/geo/great-circle.js';
import { calibratePrepared, modelPrepared, prepareMeasurements, type PreparedMeasurements, residualStatistics } from '../src/latency/calibrate.js';
import { DISTANCE_BANDS_KM, fitIntervalTable, type IntervalTable, quantileFactor, type Residual } from '../src/latency/intervals.js';
import { nelderMead } from '../src/latency/nelder-mead.js';
import { type Network, NETWORKS } from '../src/latency/network.js';
import { type LatencyParameters, PARAMETER_SPACES } from '../src/latency/parameters.js';
import { seededRandom } from '../src/util/seeded-random.js';
import { MACRO_REGION_IDS, type MacroRegion, macroRegionOf, macroRegions } from '../src/world/macro-regions.js';
import { bundledWorld } from '../src/world/world.js';
import { type CalibrationMeasurement, loadCalibrationMeasurements } from './calibration-data.js';
import { projectFile } from './project-files.js';
import { formatTable } from './table.js';
import { writeResults } from './write-results.js';

const { values: flags } = parseArgs({
  options: {
    network: { type: 'string' },
    folds: { type: 'string', default: '4' },
    repeats: { type: 'string', default: '2' },
    'inner-folds': { type: 'string', default: '2' },
    'max-evaluations': { type: 'string', default: '3000' },
  },
});
const positiveInteger = (name: string, value: string | undefined, least: number) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < least) throw new Error(`--${name} must be an integer >= ${least}; got ${value}`);
  return number;
};
const FOLDS = positiveInteger('folds', flags.folds, 2);
const REPEATS = positiveInteger('repeats', flags.repeats, 1);
const INNER_FOLDS = positiveInteger('inner-folds', flags['inner-folds'], 2);
const MAX_EVALUATIONS = positiveInteger('max-evaluations', flags['max-evaluations'], 10);
if (flags.network !== undefined && !NETWORKS.includes(flags.network as Network)) throw new Error(`--network must be one of ${NETWORKS.join(', ')}`);
const networks: readonly Network[] = flags.network === undefined ? NETWORKS : [flags.network as Network];

/** Where every fit starts: plain physics, no fitting. */
const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));
const PRIORS: Readonly<Record<Network, LatencyParameters>> = {
  backbone: PARAMETER_SPACES.backbone.expand([
    1.05, 1.2, 1.5, 2, 1, ...Object.values(zeros(PARAMETER_SPACES.backbone.names.slice(5))),
  ]),
  internet: PARAMETER_SPACES.internet.expand([
    1.05, 1.2, 1.5, 2, 1, 1, 10, ...MACRO_REGION_IDS.map(() => 5),
  ]),
};
const INTERVAL_QUANTILES = { upper: 0.9, low: 0.05, high: 0.95 };

interface Pair {
  readonly label: string;
  readonly cities: readonly [string, string];
  readonly regions: readonly [MacroRegion, MacroRegion];
  readonly distanceKm: number;
  readonly measuredMs: number;
}

/** Per scored pair: the model's and the baseline's prediction, and the held-out interval. */
interface Scored {
  readonly modelMs: number;
  readonly baselineMs: number;
  readonly upperMs: number;
  readonly lowMs: number;
  readonly highMs: number;
}

function subset(prepared: PreparedMeasurements, indices: readonly number[]): PreparedMeasurements {
  return {
    ...prepared,
    cells: Int32Array.from(indices, (i) => prepared.cells[i]),
    measuredMs: Float64Array.from(indices, (i) => prepared.measuredMs[i]),
    labels: indices.map((i) => prepared.labels[i]),
    indices: Int32Array.from(indices, (i) => prepared.indices[i]),
  };
}

/** The macro-region of an end: its country, or its nearest backbone node's. */
function regionOfEnd(country: string | null, lonLat: readonly [number, number]): MacroRegion {
  if (country !== null) return macroRegionOf(country) as MacroRegion;
  let nearest = bundledWorld.backbone.nodes[0];
  for (const node of bundledWorld.backbone.nodes) {
    if (greatCircleKm(lonLat, node.coordinates) < greatCircleKm(lonLat, nearest.coordinates)) nearest = node;
  }
  return macroRegionOf(nearest.country) as MacroRegion;
}

/** Cities to folds, stratified by macro-region so every fold holds some of each. */
function assignFolds(cities: readonly string[], regionOfCity: ReadonlyMap<string, MacroRegion>, folds: number, seed: number): Map<string, number> {
  const random = seededRandom(seed);
  const foldOf = new Map<string, number>();
  let offset = 0;
  for (const region of MACRO_REGION_IDS) {
    const members = cities.filter((city) => regionOfCity.get(city) === region);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((city, k) => foldOf.set(city, (k + offset) % folds));
    offset += members.length;
  }
  return foldOf;
}

function splitByFold(pairs: readonly Pair[], within: readonly number[], foldOf: ReadonlyMap<string, number>, fold: number) {
  const inFold = (i: number) => pairs[i].cities.every((city) => foldOf.get(city) === fold);
  const outOfFold = (i: number) => pairs[i].cities.every((city) => foldOf.get(city) !== fold);
  return { train: within.filter(outOfFold), test: within.filter(inFold) };
}

function fitPredict(network: Network, prepared: PreparedMeasurements, train: readonly number[], test: readonly number[]): Float64Array {
  const { parameters } = calibratePrepared(bundledWorld, network, subset(prepared, train), PRIORS[network], MAX_EVALUATIONS);
  return modelPrepared(bundledWorld, network, subset(prepared, test), parameters);
}

/** The baseline: factor x fibre bound + offset, fitted on the same loss as the model. */
function baselineFitPredict(pairs: readonly Pair[], train: readonly number[], test: readonly number[]): Float64Array {
  const boundMs = (i: number) => pairs[i].distanceKm * FIBRE_RTT_MS_PER_KM;
  const predict = (x: readonly number[], i: number) => Math.max((1 + x[0] * x[0]) * boundMs(i) + x[1] * x[1], boundMs(i));
  const loss = (x: readonly number[]) => train.reduce((sum, i) => sum + Math.abs(Math.log(predict(x, i) / pairs[i].measuredMs)), 0) / train.length;
  const { x } = nelderMead(loss, [1, 2], { steps: [0.3, 0.5], maxEvaluations: 400, tolerance: 1e-9 });
  return Float64Array.from(test, (i) => predict(x, i));
}

function residualsOf(pairs: readonly Pair[], indices: readonly number[], predictedMs: ArrayLike<number>): Residual[] {
  return indices.map((i, k) => ({ logRatio: Math.log(pairs[i].measuredMs / predictedMs[k]), distanceKm: pairs[i].distanceKm, regions: pairs[i].regions }));
}

function crossValidate(network: Network) {
  const measurements: CalibrationMeasurement[] = loadCalibrationMeasurements(network);
  const prepared = prepareMeasurements(bundledWorld, measurements);
  const pairs: Pair[] = Array.from(prepared.indices, (index, k) => {
    const measurement = measurements[index];
    const [from, to] = [prepared.cells[k] / prepared.endpoints.length, prepared.cells[k] % prepared.endpoints.length].map((e) => prepared.endpoints[Math.floor(e)]);
    return {
      label: prepared.labels[k],
      cities: measurement.cities,
      regions: [regionOfEnd(from.country, from.coordinates), regionOfEnd(to.country, to.coordinates)],
      distanceKm: greatCircleKm(from.coordinates, to.coordinates),
      measuredMs: prepared.measuredMs[k],
    };
  });
  const regionOfCity = new Map<string, MacroRegion>();
  pairs.forEach((pair) => pair.cities.forEach((city, side) => regionOfCity.set(city, pair.regions[side])));
  const cities = [...regionOfCity.keys()].sort();
  const all = pairs.map((_, i) => i);
  const scored = new Map<number, Scored>();
  const outerResiduals: Residual[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const foldOf = assignFolds(cities, regionOfCity, FOLDS, 2025 + repeat);
    for (let fold = 0; fold < FOLDS; fold++) {
      const { train, test } = splitByFold(pairs, all, foldOf, fold);
      const fresh = test.filter((i) => !scored.has(i));
      if (fresh.length === 0) continue;
      const started = Date.now();
      const modelMs = fitPredict(network, prepared, train, fresh);
      const baselineMs = baselineFitPredict(pairs, train, fresh);
      // Intervals from an inner cross-validation over the training cities only.
      const trainCities = cities.filter((city) => foldOf.get(city) !== fold);
      const innerFoldOf = assignFolds(trainCities, regionOfCity, INNER_FOLDS, 7 + repeat * FOLDS + fold);
      const innerResiduals: Residual[] = [];
      for (let inner = 0; inner < INNER_FOLDS; inner++) {
        const split = splitByFold(pairs, train, innerFoldOf, inner);
        if (split.test.length === 0 || split.train.length === 0) continue;
        innerResiduals.push(...residualsOf(pairs, split.test, fitPredict(network, prepared, split.train, split.test)));
      }
      const table: IntervalTable = fitIntervalTable(innerResiduals);
      fresh.forEach((i, k) => {
        const at = (q: number) => modelMs[k] * quantileFactor(table, q, pairs[i].distanceKm, pairs[i].regions);
        scored.set(i, { modelMs: modelMs[k], baselineMs: baselineMs[k], upperMs: at(INTERVAL_QUANTILES.upper), lowMs: at(INTERVAL_QUANTILES.low), highMs: at(INTERVAL_QUANTILES.high) });
      });
      outerResiduals.push(...residualsOf(pairs, fresh, modelMs));
      process.stdout.write(`${network}: repeat ${repeat + 1}/${REPEATS}, fold ${fold + 1}/${FOLDS}: fitted on ${train.length} pairs, scored ${fresh.length}, ` +
        `intervals from ${innerResiduals.length} inner residuals (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  }
  return { pairs, scored, cities, shippedTable: fitIntervalTable(outerResiduals) };
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const signedPercent = (fraction: number) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;

function report(network: Network, pairs: readonly Pair[], scored: ReadonlyMap<number, Scored>) {
  const indices = [...scored.keys()].sort((a, b) => a - b);
  const bandName = (band: number) => band === 0 ? `<${DISTANCE_BANDS_KM[0]} km` : band === DISTANCE_BANDS_KM.length
    ? `>${DISTANCE_BANDS_KM[band - 1]} km` : `${DISTANCE_BANDS_KM[band - 1]}-${DISTANCE_BANDS_KM[band]} km`;
  const inBand = (band: number) => (i: number) => {
    const km = pairs[i].distanceKm;
    return (band === 0 || km >= DISTANCE_BANDS_KM[band - 1]) && (band === DISTANCE_BANDS_KM.length || km < DISTANCE_BANDS_KM[band]);
  };
  const focus: MacroRegion[] = ['southeast-asia', 'middle-east', 'latin-america', 'africa'];
  const groups: { name: string; keep: (i: number) => boolean }[] = [
    { name: 'all pairs', keep: () => true },
    ...macroRegions.map((region) => ({ name: region.name, keep: (i: number) => pairs[i].regions.includes(region.id) })),
    ...[0, 1, 2].map((band) => ({ name: bandName(band), keep: inBand(band) })),
    { name: '<3000 km touching SEA, ME, LatAm, Africa', keep: (i: number) => pairs[i].distanceKm < 3000 && pairs[i].regions.some((r) => focus.includes(r)) },
  ];
  const summary = groups.map((group) => {
    const members = indices.filter(group.keep);
    const measured = members.map((i) => pairs[i].measuredMs);
    const labels = members.map((i) => pairs[i].label);
    const model = residualStatistics(measured, members.map((i) => (scored.get(i) as Scored).modelMs), labels);
    const baseline = residualStatistics(measured, members.map((i) => (scored.get(i) as Scored).baselineMs), labels);
    const share = (test: (s: Scored, measuredMs: number) => boolean) =>
      members.length === 0 ? Number.NaN : members.filter((i) => test(scored.get(i) as Scored, pairs[i].measuredMs)).length / members.length;
    return {
      group: group.name,
      pairs: members.length,
      model: { medianApe: model.medianApe, p90Ape: model.p90Ape, medianSignedError: model.medianSignedError },
      baseline: { medianApe: baseline.medianApe, p90Ape: baseline.p90Ape, medianSignedError: baseline.medianSignedError },
      intervals: {
        belowQuantile90: share((s, m) => m <= s.upperMs),
        inside5To95: share((s, m) => m >= s.lowMs && m <= s.highMs),
      },
      worst: model.worst,
    };
  });
  process.stdout.write(`\n${network}: leave-cities-out cross-validation, ${FOLDS} folds x ${REPEATS} repeats, ${indices.length} of ${pairs.length} pairs scored\n`);
  process.stdout.write(`${formatTable(
    ['pairs', 'n', 'MdAPE', 'p90 APE', 'median signed', 'baseline MdAPE', 'baseline p90', 'baseline signed', 'below q0.9', 'inside q0.05-0.95'],
    summary.map((s) => [
      s.group, s.pairs, percent(s.model.medianApe), percent(s.model.p90Ape), signedPercent(s.model.medianSignedError),
      percent(s.baseline.medianApe), percent(s.baseline.p90Ape), signedPercent(s.baseline.medianSignedError),
      percent(s.intervals.belowQuantile90), percent(s.intervals.inside5To95),
    ]),
  )}\n`);
  process.stdout.write(`\n10 worst held-out pairs, ${network}\n${formatTable(
    ['pair', 'measured ms', 'model ms', 'APE'],
    summary[0].worst.map((w) => [w.label, w.measuredMs.toFixed(0), w.modelledMs.toFixed(1), percent(w.absolutePercentageError)]),
  )}\n`);
  return summary.map(({ worst, ...rest }, g) => (g === 0 ? { ...rest, worst } : rest));
}

function writeIntervalTables(tables: Partial<Record<Network, IntervalTable>>) {
  const file = projectFile('data/latency-model.json');
  const model = JSON.parse(readFileSync(file, 'utf8'));
  const round = (value: number) => Number(value.toFixed(4));
  model.intervals = model.intervals ?? {};
  for (const [network, table] of Object.entries(tables) as [Network, IntervalTable][]) {
    model.intervals[network] = {
      pairs: table.pairs,
      bandTerms: table.bandTerms.map((row) => row.map(round)),
      regionTerms: table.regionTerms.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)]))),
    };
  }
  writeFileSync(`${file}.tmp`, `${JSON.stringify(model, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

// A run for one network keeps the other network's last results.
const previous = (() => {
  try {
    return flags.network === undefined ? {} : JSON.parse(readFileSync(projectFile('bench/results/accuracy.json'), 'utf8'));
  } catch {
    return {};
  }
})();
const results: Record<string, unknown> = { ...previous, date: new Date().toISOString(), folds: FOLDS, repeats: REPEATS, innerFolds: INNER_FOLDS, priors: PRIORS };
const tables: Partial<Record<Network, IntervalTable>> = {};
for (const network of networks) {
  const { pairs, scored, cities, shippedTable } = crossValidate(network);
  results[network] = { cities: cities.length, measuredPairs: pairs.length, summary: report(network, pairs, scored) };
  tables[network] = shippedTable;
}
writeIntervalTables(tables);
const written = writeResults('accuracy', results);
process.stdout.write(`\nWrote ${written} and the interval tables in data/latency-model.json\n`);

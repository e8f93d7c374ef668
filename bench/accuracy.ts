// `npm run accuracy`: 5-fold cross-validation of the latency model over the bundled measurements,
// beside the baseline "great-circle fibre bound times one fitted factor". Each fold is predicted by
// parameters fitted on the other four, starting from the same physical prior, never from the
// shipped fit. Writes bench/results/accuracy.json.

import { fibreLowerBoundMs } from '../src/geo/great-circle.js';
import {
  calibratePrepared, modelPrepared, prepareMeasurements, type PreparedMeasurements, quantile, residualStatistics, type ResidualStatistics,
} from '../src/latency/calibrate.js';
import { routeBetween } from '../src/latency/estimate.js';
import type { LatencyParameters } from '../src/latency/parameters.js';
import { seededRandom } from '../src/util/seeded-random.js';
import { bundledWorld } from '../src/world/world.js';
import { loadCalibrationMeasurements } from './calibration-data.js';
import { formatTable } from './table.js';
import { writeResults } from './write-results.js';

const FOLDS = 5;
/** Where every fold's search starts: plain physics, no fitting. */
const PRIOR: LatencyParameters = { submarineStretch: 1.05, terrestrialStretch: 1.2, accessStretch: 1.5, hopMs: 0.5, baseMs: 1 };

function subset(prepared: PreparedMeasurements, indices: readonly number[]): PreparedMeasurements {
  return {
    endpoints: prepared.endpoints,
    cells: Int32Array.from(indices, (i) => prepared.cells[i]),
    measuredMs: Float64Array.from(indices, (i) => prepared.measuredMs[i]),
    labels: indices.map((i) => prepared.labels[i]),
  };
}

function main(): void {
  const measurements = loadCalibrationMeasurements();
  const prepared = prepareMeasurements(bundledWorld, measurements, 'accuracy');
  const count = measurements.length;
  const random = seededRandom(2025);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const lowerBoundMs = measurements.map((m) => fibreLowerBoundMs(m.from as [number, number], m.to as [number, number]));
  const modelOut = new Float64Array(count);
  const baselineOut = new Float64Array(count);
  const foldParameters: LatencyParameters[] = [];
  const foldFactors: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const test = order.filter((_, k) => k % FOLDS === fold);
    const train = order.filter((_, k) => k % FOLDS !== fold);
    const { parameters } = calibratePrepared(bundledWorld, subset(prepared, train), { initial: PRIOR }, 'accuracy');
    foldParameters.push(parameters);
    const predicted = modelPrepared(bundledWorld, subset(prepared, test), parameters, 'accuracy');
    test.forEach((i, k) => {
      modelOut[i] = predicted[k];
    });
    // The baseline's one factor, fitted the same way (median log ratio) on the training pairs.
    const logRatios = train.filter((i) => lowerBoundMs[i] > 0).map((i) => Math.log(measurements[i].rttMs / lowerBoundMs[i])).sort((a, b) => a - b);
    const factor = Math.exp(quantile(logRatios, 0.5));
    foldFactors.push(factor);
    for (const i of test) baselineOut[i] = factor * lowerBoundMs[i];
    process.stdout.write(`fold ${fold + 1}/${FOLDS}: fitted on ${train.length}, predicted ${test.length}\n`);
  }

  // Pairs whose modelled route rides a submarine cable cross an ocean or sea.
  const crossesWater = measurements.map((m) => (routeBetween(m.from as [number, number], m.to as [number, number])?.links ?? []).some((l) => l.kind === 'submarine'));
  const measured = measurements.map((m) => m.rttMs);
  const labels = measurements.map((m) => m.label as string);
  const pick = (values: ArrayLike<number>, keep: (i: number) => boolean) => Array.from(values).filter((_, i) => keep(i));
  const stats = (values: ArrayLike<number>, keep: (i: number) => boolean = () => true): ResidualStatistics =>
    residualStatistics(pick(measured, keep), pick(values, keep), labels.filter((_, i) => keep(i)));
  const groups = [
    { name: 'all pairs', keep: () => true },
    { name: 'ocean-crossing pairs', keep: (i: number) => crossesWater[i] },
    { name: 'overland pairs', keep: (i: number) => !crossesWater[i] },
  ];
  const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
  const summary = groups.map((group) => ({ group: group.name, model: stats(modelOut, group.keep), baseline: stats(baselineOut, group.keep) }));
  process.stdout.write(`\nLatency model vs great-circle baseline, ${FOLDS}-fold cross-validated over ${count} measured pairs\n`);
  process.stdout.write(`${formatTable(
    ['pairs', 'n', 'model MdAPE', 'model p90 APE', 'baseline MdAPE', 'baseline p90 APE'],
    summary.map((s) => [s.group, s.model.count, percent(s.model.medianApe), percent(s.model.p90Ape), percent(s.baseline.medianApe), percent(s.baseline.p90Ape)]),
  )}\n`);
  const all = summary[0];
  for (const [name, worst] of [['model', all.model.worst], ['baseline', all.baseline.worst]] as const) {
    process.stdout.write(`\n10 worst pairs, ${name} (out of fold)\n`);
    process.stdout.write(`${formatTable(['pair', 'measured ms', `${name} ms`, 'APE'], worst.map((w) => [w.label, w.measuredMs.toFixed(0), w.modelledMs.toFixed(1), percent(w.absolutePercentageError)]))}\n`);
  }
  process.stdout.write(`\nParameters per fold:\n${formatTable(
    ['fold', 'submarineStretch', 'terrestrialStretch', 'accessStretch', 'hopMs', 'baseMs', 'baseline factor'],
    foldParameters.map((p, f) => [f + 1, p.submarineStretch.toFixed(3), p.terrestrialStretch.toFixed(3), p.accessStretch.toFixed(3), p.hopMs.toFixed(2), p.baseMs.toFixed(2), foldFactors[f].toFixed(3)]),
  )}\n`);

  const written = writeResults('accuracy', { date: new Date().toISOString(), folds: FOLDS, prior: PRIOR, foldParameters, foldFactors, summary });
  process.stdout.write(`\nWrote ${written}\n`);
}

main();

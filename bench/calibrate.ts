// `npm run calibrate`: fits each network's latency model to all of its bundled measurements and
// writes the parameters to data/latency-model.json, the defaults the library ships (the interval
// tables there come from `npm run accuracy`, which cross-validates). Measurements faster than light
// in fibre are listed and left out.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { calibrate } from '../src/latency/calibrate.js';
import { NETWORKS } from '../src/latency/network.js';
import { loadCalibrationMeasurements } from './calibration-data.js';
import { projectFile } from './project-files.js';

const SOURCES = {
  backbone: ['data/calibration/azure-rtt.csv (Azure, 693 pairs, P50)', 'data/calibration/ibm-vpc-rtt.csv (IBM Cloud VPC, 45 pairs, 30-day average)'],
  internet: ['bench/calibration/wonderproxy-pings-2020.csv (WonderProxy, 10,694 pairs, day average, 19-20 July 2020)'],
};
const round = (value: number) => Number(value.toFixed(4));
const roundDeep = (value: unknown): unknown =>
  typeof value === 'number' ? round(value) : Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, roundDeep(v)]));

const file = projectFile('data/latency-model.json');
const model = JSON.parse(readFileSync(file, 'utf8'));
for (const network of NETWORKS) {
  const measurements = loadCalibrationMeasurements(network);
  const started = Date.now();
  const { parameters, residuals, evaluations, rejected } = calibrate(measurements, { network, maxEvaluations: 8000 });
  process.stdout.write(`${network}: ${residuals.count} pairs, ${evaluations} evaluations, ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
    `in-sample MdAPE ${(residuals.medianApe * 100).toFixed(1)}%, p90 ${(residuals.p90Ape * 100).toFixed(1)}%\n`);
  for (const row of rejected) process.stdout.write(`  left out (faster than light in fibre): ${row.label} ${row.rttMs} ms < ${row.fibreLowerBoundMs.toFixed(1)} ms\n`);
  model.networks[network] = {
    ...model.networks[network],
    fittedOn: { pairs: residuals.count, sources: SOURCES[network], evaluations, date: new Date().toISOString().slice(0, 10) },
    parameters: roundDeep(parameters),
    inSample: { medianApe: round(residuals.medianApe), p90Ape: round(residuals.p90Ape), medianSignedError: round(residuals.medianSignedError) },
  };
}
writeFileSync(`${file}.tmp`, `${JSON.stringify(model, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
process.stdout.write('Wrote data/latency-model.json\n');

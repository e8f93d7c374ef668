// `npm run calibrate`: fits the latency model to every bundled measurement and writes the result
// to data/latency-model.json, the defaults the library ships. Run `npm run accuracy` for the
// cross-validated error; this in-sample fit is what users get.

import { writeFileSync } from 'node:fs';
import { calibrate } from '../src/latency/calibrate.js';
import { loadCalibrationMeasurements } from './calibration-data.js';
import { projectFile } from './project-files.js';

const PRIOR = { submarineStretch: 1.05, terrestrialStretch: 1.2, accessStretch: 1.5, hopMs: 0.5, baseMs: 1 };
const measurements = loadCalibrationMeasurements();
const { parameters, residuals, evaluations } = calibrate(measurements, { initial: PRIOR, maxEvaluations: 1500 });
const round = (value: number, digits: number) => Number(value.toFixed(digits));
const model = {
  description: 'Latency model parameters fitted by `npm run calibrate` to the measured RTTs in data/calibration/ (Azure 693 pairs, IBM Cloud VPC 45 pairs); see data/README.md.',
  fittedOn: { pairs: residuals.count, evaluations, date: new Date().toISOString().slice(0, 10) },
  parameters: Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, round(value, 4)])),
  inSample: { medianApe: round(residuals.medianApe, 4), p90Ape: round(residuals.p90Ape, 4), medianRatio: round(residuals.medianRatio, 4) },
};
writeFileSync(projectFile('data/latency-model.json'), `${JSON.stringify(model, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);

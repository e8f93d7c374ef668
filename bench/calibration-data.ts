// The bundled RTT measurements (data/calibration/*.csv) as calibration input: measured between
// cloud regions by Azure (693 pairs, P50) and IBM Cloud VPC (45 pairs, 30-day average).

import { readFileSync } from 'node:fs';
import type { RttMeasurement } from '../src/latency/calibrate.js';
import { parseCsv } from '../src/util/csv.js';
import { projectFile } from './project-files.js';

const FILES = ['azure-rtt.csv', 'ibm-vpc-rtt.csv'];

export function loadCalibrationMeasurements(): RttMeasurement[] {
  return FILES.flatMap((file) => {
    const table = parseCsv(readFileSync(projectFile(`data/calibration/${file}`), 'utf8'));
    const column = (name: string) => {
      const index = table.header.indexOf(name);
      if (index === -1) throw new Error(`${file} has no column ${name}`);
      return index;
    };
    const [a, b, aLat, aLon, bLat, bLon, rtt] = ['a', 'b', 'a_lat', 'a_lon', 'b_lat', 'b_lon', 'rtt_ms'].map(column);
    return table.rows.map(({ cells }) => ({
      from: [Number(cells[aLon]), Number(cells[aLat])],
      to: [Number(cells[bLon]), Number(cells[bLat])],
      rttMs: Number(cells[rtt]),
      label: `${cells[a]} - ${cells[b]}`,
    }));
  });
}

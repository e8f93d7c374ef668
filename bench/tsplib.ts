// Loads a TSPLIB EUC_2D point set as a dense vertex x vertex distance matrix under one of the
// conventions its published p-median and p-center values use (bench/tsplib/README.md), with those
// values.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFile } from './project-files.js';

export type DistanceConvention = 'euclidean-floor' | 'euclidean-round-0.01';

export interface TsplibValue {
  readonly problem: 'p-median' | 'p-center';
  readonly instance: string;
  readonly n: number;
  readonly p: number;
  readonly value: number;
  readonly valueKind: 'optimal' | 'best-known';
  readonly convention: DistanceConvention;
}

const folder = projectFile('bench/tsplib');

export function tsplibValues(directory: string = folder): TsplibValue[] {
  const lines = readFileSync(join(directory, 'values.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [problem, instance, n, p, value, valueKind, convention] = line.split(',');
    return { problem, instance, n: Number(n), p: Number(p), value: Number(value), valueKind, convention } as TsplibValue;
  });
}

/** The vertices' [x, y] coordinates, in file order. */
export function tsplibPoints(instance: string, directory: string = folder): Float64Array {
  const lines = readFileSync(join(directory, `${instance}.tsp`), 'utf8').split('\n');
  const dimension = Number(lines.find((line) => line.startsWith('DIMENSION'))?.split(':')[1]);
  const start = lines.findIndex((line) => line.trim() === 'NODE_COORD_SECTION') + 1;
  const points = new Float64Array(2 * dimension);
  for (let v = 0; v < dimension; v++) {
    const [, x, y] = lines[start + v].trim().split(/\s+/).map(Number);
    points[2 * v] = x;
    points[2 * v + 1] = y;
  }
  return points;
}

/** Row-major n x n distances under `convention`, as solvePlacement's `{ rows, cols, data }`. */
export function tsplibMatrix(points: Float64Array, convention: DistanceConvention): { rows: number; cols: number; data: Float64Array } {
  const n = points.length / 2;
  const data = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const dx = points[2 * a] - points[2 * b];
      const dy = points[2 * a + 1] - points[2 * b + 1];
      const d = Math.sqrt(dx * dx + dy * dy);
      data[a * n + b] = convention === 'euclidean-floor' ? Math.floor(d) : Math.round(d * 100) / 100;
    }
  }
  return { rows: n, cols: n, data };
}

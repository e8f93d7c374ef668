// `npm run bench:quality [-- --quick] [-- --no-highs]` (`-- --large`: the TSPLIB set, quality-large.ts): the 40 OR-Library instances through the
// public API (graphology graph -> shortestPath.matrix -> solvePlacement) for p-median and
// p-center: objective against the published optimum, gap, proven bound and time; the wasm solver
// against its TypeScript twin, and against HiGHS on the instances HiGHS finishes. Writes
// bench/results/quality.json.

import { shortestPath, solvePlacement, type PlacementObjective } from '../src/index.js';
import { solveWithHighs } from './highs-models.js';
import { loadOrLib, orLibNames } from './orlib.js';
import { runLarge } from './quality-large.js';
import { formatTable } from './table.js';
import { writeResults } from './write-results.js';

interface Row {
  instance: string;
  objective: PlacementObjective;
  n: number;
  p: number;
  optimum: number;
  found: number;
  status: string;
  lowerBound: number | null;
  gapPercent: number;
  boundGapPercent: number | null;
  wasmMs: number;
  twinMs: number | null;
  twinStatus: string | null;
  highs: { status: string; objective: number; ms: number } | null;
}

const quick = process.argv.includes('--quick');
const withHighs = !process.argv.includes('--no-highs');
const log = (line: string) => process.stdout.write(`${line}\n`);
const names = quick ? orLibNames().slice(0, 10) : orLibNames();
const TIME_LIMIT_MS = 30_000;
const HIGHS_LIMIT_SECONDS = quick ? 20 : 60;
/** HiGHS gets the instances whose assignment MILP stays small enough to finish. */
const HIGHS_MAX_VERTICES = 200;

async function main(): Promise<void> {
  const rows: Row[] = [];
  let matrixMs = 0;
  for (const name of names) {
    const instance = loadOrLib(name);
    const started = performance.now();
    const latencyMs = shortestPath.matrix(instance.graph);
    matrixMs += performance.now() - started;
    for (const objective of ['p-median', 'p-center'] as const) {
      const optimum = objective === 'p-median' ? instance.pMedianOptimum : instance.pCenterOptimum;
      const problem = { latencyMs, objective, k: instance.p, timeLimitMs: TIME_LIMIT_MS };
      const wasmStart = performance.now();
      const result = solvePlacement(problem);
      const wasmMs = performance.now() - wasmStart;
      let twinMs: number | null = null;
      let twinStatus: string | null = null;
      if (!quick || instance.vertexCount <= 200) {
        const twinStart = performance.now();
        const twin = solvePlacement({ ...problem, kernel: 'js' });
        twinMs = performance.now() - twinStart;
        twinStatus = twin.status;
        if (twin.objective !== result.objective || twin.sites.join() !== result.sites.join()) {
          throw new Error(`${name} ${objective}: the wasm solver and its twin disagree`);
        }
      }
      let highs: Row['highs'] = null;
      if (withHighs && instance.vertexCount <= HIGHS_MAX_VERTICES) {
        const matrix = Array.from({ length: latencyMs.rows }, (_, r) => Array.from(latencyMs.data.subarray(r * latencyMs.cols, (r + 1) * latencyMs.cols)));
        const outcome = await solveWithHighs({ latencyMs: matrix, objective, k: instance.p }, HIGHS_LIMIT_SECONDS);
        highs = { status: outcome.status, objective: outcome.objective, ms: outcome.seconds * 1000 };
      }
      rows.push({
        instance: name, objective, n: instance.vertexCount, p: instance.p, optimum, found: result.objective, status: result.status,
        lowerBound: result.lowerBound, gapPercent: ((result.objective - optimum) / optimum) * 100,
        boundGapPercent: result.lowerBound === null ? null : ((optimum - result.lowerBound) / optimum) * 100,
        wasmMs, twinMs, twinStatus, highs,
      });
      log(`${name} ${objective}: ${result.objective} (optimum ${optimum}) ${result.status} in ${wasmMs.toFixed(0)} ms`);
    }
  }

  for (const objective of ['p-median', 'p-center'] as const) {
    const subset = rows.filter((row) => row.objective === objective);
    log(`\n${objective}`);
    log(formatTable(
      ['instance', 'n', 'p', 'optimum', 'found', 'gap %', 'status', 'bound', 'bound gap %', 'wasm ms', 'twin ms', 'HiGHS ms'],
      subset.map((row) => [
        row.instance, row.n, row.p, row.optimum, row.found, row.gapPercent.toFixed(2), row.status, row.lowerBound ?? '-',
        row.boundGapPercent === null ? '-' : row.boundGapPercent.toFixed(2), row.wasmMs.toFixed(0), row.twinMs === null ? '-' : row.twinMs.toFixed(0),
        row.highs === null ? '-' : `${row.highs.ms.toFixed(0)} ${row.highs.status === 'Optimal' ? '' : `(${row.highs.status})`}`.trim(),
      ]),
    ));
  }
  const summary = (['p-median', 'p-center'] as const).map((objective) => {
    const subset = rows.filter((row) => row.objective === objective);
    const timed = subset.filter((row) => row.twinMs !== null);
    // A run cut off by the time limit measures the limit, not the kernel: the speed ratio is also
    // given over the instances both kernels proved optimal.
    const proven = timed.filter((row) => row.status === 'optimal' && row.twinStatus === 'optimal');
    const highsFinished = subset.filter((row) => row.highs?.status === 'Optimal');
    return {
      objective,
      instances: subset.length,
      optimumFound: subset.filter((row) => row.found === row.optimum).length,
      provenOptimal: subset.filter((row) => row.status === 'optimal').length,
      boundWithinOnePercent: subset.filter((row) => row.boundGapPercent !== null && row.boundGapPercent <= 1).length,
      totalWasmSeconds: subset.reduce((sum, row) => sum + row.wasmMs, 0) / 1000,
      wasmVsTwin: timed.reduce((sum, row) => sum + (row.twinMs as number), 0) / timed.reduce((sum, row) => sum + row.wasmMs, 0),
      wasmVsTwinProven: proven.reduce((sum, row) => sum + (row.twinMs as number), 0) / proven.reduce((sum, row) => sum + row.wasmMs, 0),
      highsFinished: highsFinished.length,
      fasterThanHighs: highsFinished.filter((row) => row.wasmMs < (row.highs as { ms: number }).ms).length,
    };
  });
  log('\nSummary');
  log(formatTable(
    ['objective', 'instances', 'optimum found', 'proven optimal', 'bound within 1%', 'wasm total s', 'wasm vs twin', 'both proven', 'HiGHS finished', 'faster than HiGHS'],
    summary.map((s) => [
      s.objective, s.instances, s.optimumFound, s.provenOptimal, s.boundWithinOnePercent, s.totalWasmSeconds.toFixed(1),
      `${s.wasmVsTwin.toFixed(2)}x`, `${s.wasmVsTwinProven.toFixed(2)}x`, s.highsFinished, s.fasterThanHighs,
    ]),
  ));
  const written = writeResults('quality', { date: new Date().toISOString(), mode: quick ? 'quick' : 'full', timeLimitMs: TIME_LIMIT_MS, matrixSeconds: matrixMs / 1000, summary, rows });
  log(`\nWrote ${written}`);
}

(process.argv.includes('--large') ? runLarge(process.argv.slice(2)) : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

// `npm run bench [-- --quick]`: times the kernel against its TypeScript twin and the baselines a
// JavaScript user reaches for, prints a table per suite and the targets, and writes
// bench/results/latest.json (medians, ratios, machine). Missed targets are reported, not thrown.

import { cpus, totalmem } from 'node:os';
import { kernel } from '../src/kernel/wasm.js';
import { floydWarshallSuite } from './suites/floyd-warshall.js';
import { latencyMatrixSuite } from './suites/latency-matrix.js';
import { placementSuite } from './suites/placement.js';
import { planProcessSuite } from './suites/plan-process.js';
import { shortestPathSuite } from './suites/shortest-path.js';
import { type TimeLimitRow, timeLimitSuite } from './suites/time-limits.js';
import { MODEL_CASE_FILE, twoTierSuite } from './suites/two-tier.js';
import { entrySizeSuite } from './suites/entry-sizes.js';
import { formatTable } from './table.js';
import { writeReport } from './write-results.js';
import { BaselineError, type Comparable, compareRuns, parseBenchArguments, readBaseline, SUITE_VERSION } from './compare.js';

interface Target {
  name: string;
  value: number;
  goal: string;
  met: boolean;
}

// Arguments and the baseline are checked before anything is timed: a typo must not cost a run.
let args: ReturnType<typeof parseBenchArguments>;
let baseline: Comparable | null;
try {
  args = parseBenchArguments(process.argv.slice(2));
  baseline = args.compare === null ? null : readBaseline(args.compare);
} catch (error) {
  if (!(error instanceof BaselineError)) throw error;
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(2);
}
const { quick } = args;
const log = (line: string) => process.stdout.write(`${line}\n`);
const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main(): Promise<void> {
  const started = Date.now();
  log(`geoslo benchmark (${quick ? 'quick' : 'full'}), Node ${process.version}, ${cpus().length} cores`);
  const targets: Target[] = [];
  const target = (name: string, value: number, goal: string, met: boolean) => targets.push({ name, value, goal, met });

  log('\nMulti-source Dijkstra: all-target lengths from 64 sources (random geometric graphs, degree ~8)');
  const shortestPath = await shortestPathSuite(quick, () => kernel().memory.buffer.byteLength, log);
  log(formatTable(
    ['nodes', 'edges', 'pack ms', 'wasm ms', 'twin ms', 'igraph ms', 'graphology ms/source', 'x graphology', 'x twin', 'x igraph', 'packed/raw CSR'],
    shortestPath.map((row) => [
      row.nodes, row.edges, fixed(row.packMs), fixed(row.wasmMs), fixed(row.twinMs),
      row.igraphMs === null ? 'n/a' : fixed(row.igraphMs),
      `${fixed(row.graphologyMsPerSource)} (${row.graphologySourcesTimed} timed)`,
      fixed((row.graphologyMsPerSource * row.sources) / row.wasmMs), fixed(row.twinMs / row.wasmMs, 2),
      row.igraphMs === null ? 'n/a' : fixed(row.igraphMs / row.wasmMs, 2),
      fixed(row.packedBytes / row.rawCsrBytes, 3),
    ]),
  ));
  for (const row of shortestPath) {
    if (row.nodes < 10_000) continue;
    const versusGraphology = (row.graphologyMsPerSource * row.sources) / row.wasmMs;
    target(`Dijkstra ${row.nodes}: wasm vs graphology-shortest-path`, versusGraphology, '>= 30x', versusGraphology >= 30);
    target(`Dijkstra ${row.nodes}: wasm vs TS twin`, row.twinMs / row.wasmMs, '>= 1.3x', row.twinMs / row.wasmMs >= 1.3);
    if (row.igraphMs !== null) target(`Dijkstra ${row.nodes}: wasm vs igraph distances`, row.igraphMs / row.wasmMs, '>= 1x', row.igraphMs >= row.wasmMs);
  }
  for (const row of shortestPath) {
    target(`packed graph ${row.nodes}: wasm bytes / raw CSR bytes`, row.packedBytes / row.rawCsrBytes, '<= 1.5', row.packedBytes / row.rawCsrBytes <= 1.5);
  }

  log('\nFloyd-Warshall on complete f32 matrices');
  const floydWarshall = await floydWarshallSuite(quick, log);
  log(formatTable(
    ['n', 'SIMD ms', 'scalar wasm ms', 'TS twin ms', 'SIMD x twin', 'SIMD x scalar', 'SIMD updates/s'],
    floydWarshall.map((row) => [
      row.size, fixed(row.simdMs), fixed(row.scalarMs), fixed(row.twinMs), fixed(row.twinMs / row.simdMs, 2),
      fixed(row.scalarMs / row.simdMs, 2), row.simdUpdatesPerSecond.toExponential(2),
    ]),
  ));
  const largest = floydWarshall[floydWarshall.length - 1];
  target(`Floyd-Warshall ${largest.size}: SIMD vs TS twin`, largest.twinMs / largest.simdMs, '>= 8x', largest.twinMs / largest.simdMs >= 8);
  target(`Floyd-Warshall ${largest.size}: SIMD vs scalar wasm`, largest.scalarMs / largest.simdMs, '>= 2.5x', largest.scalarMs / largest.simdMs >= 2.5);
  // Updates per second is an aim (about 8e9 here), not a pass mark: it is an absolute speed, which
  // the machine's load moves; the table above reports it.

  log('\nLatency matrix: every market x the 29 operating regions, per network');
  const latency = await latencyMatrixSuite(quick);
  log(formatTable(
    ['network', 'markets', 'regions', 'one pass ms', 'p90 matrix ms', 'pair by pair ms', 'speed-up'],
    latency.map((row) => [
      row.network, row.markets, row.regions, fixed(row.onePassMs, 2), fixed(row.quantile90Ms, 2),
      `${fixed(row.pairByPairMs)}${row.pairByPairMarkets < row.markets ? ` (${row.pairByPairMarkets} markets timed, scaled)` : ''}`, fixed(row.pairByPairMs / row.onePassMs),
    ]),
  ));
  for (const row of latency) {
    target(`latencyMatrix markets x regions (${row.network}): one pass vs pair by pair`, row.pairByPairMs / row.onePassMs, '> 1x', row.pairByPairMs > row.onePassMs);
  }

  log('\nPlacement: 200 markets x 29 regions, population-weighted');
  const placement = await placementSuite(quick);
  log(formatTable(['objective', 'settings', 'status', 'median ms'], placement.map((row) => [row.objective, row.settings, row.status, fixed(row.medianMs, 2)])));
  for (const row of placement) {
    target(`placement ${row.objective} (${row.settings}): proven optimal, ms`, row.medianMs, '< 50 ms, optimal', row.status !== 'feasible' && row.medianMs < 50);
  }

  log(`\nTwo-tier plan of ${MODEL_CASE_FILE} (after init), and criticality: every single cable, corridor and site failure`);
  const twoTier = await twoTierSuite(quick);
  log(formatTable(
    ['plan ms', 'status', 'sites', 'bound', 'criticality model case ms', 'criticality default ms', 'failures tried'],
    [[fixed(twoTier.planMs), twoTier.status, twoTier.sites, twoTier.bound ?? 'none', fixed(twoTier.modelCaseCriticalityMs, 0), fixed(twoTier.defaultCriticalityMs, 0), twoTier.failuresTried.join(' / ')]],
  ));
  target('two-tier model case: proven optimal, ms after init', twoTier.planMs, '< 200 ms, optimal', twoTier.status === 'optimal' && twoTier.planMs < 200);
  target('criticality, every single failure: model case, ms', twoTier.modelCaseCriticalityMs, '< 5000 ms', twoTier.modelCaseCriticalityMs < 5000);
  target('criticality, every single failure: default scenario, ms', twoTier.defaultCriticalityMs, '< 5000 ms', twoTier.defaultCriticalityMs < 5000);

  let timeLimits: TimeLimitRow[] = [];
  if (!quick) {
    log('\nTime limits at scale: 20,000 demands x 2,000 candidates, k = 20, SLO 150 ms (full run only)');
    timeLimits = timeLimitSuite();
    log(formatTable(
      ['objective', 'limit ms', 'first answer ms', 'elapsed ms', 'status', 'stopped at limit'],
      timeLimits.map((row) => [row.objective, row.limitMs, fixed(row.firstAnswerMs, 0), fixed(row.elapsedMs, 0), row.status, String(row.stoppedAtTimeLimit)]),
    ));
    for (const row of timeLimits) {
      target(`${row.objective} 20,000 x 2,000: elapsed within 110% of the limit plus the first answer`, row.elapsedMs, `<= ${fixed(row.limitMs * 1.1 + row.firstAnswerMs, 0)} ms`, row.withinLimit);
    }
  }

  log('\ngeoslo plan on the default scenario, as a whole process (writes the table, out/plan.html and out/plan.geojson)');
  const planProcess = await planProcessSuite(quick);
  log(formatTable(['process ms', 'bare node start ms', 'plan step ms', 'plan step / process'], [[
    fixed(planProcess.processMs), fixed(planProcess.nodeStartMs), fixed(planProcess.planStepMs, 2), fixed(planProcess.planStepMs / planProcess.processMs, 3),
  ]]));

  log('\nPackage entries, bundled and minified (kernel inlined, run-time dependencies external)');
  const entrySizes = await entrySizeSuite();
  log(formatTable(['entry', 'minified KB'], entrySizes.map((row) => [row.entry, fixed(row.minifiedBytes / 1024)])));
  const shortestPathEntry = entrySizes.find((row) => row.entry === 'geoslo/shortest-path') as (typeof entrySizes)[number];
  target('geoslo/shortest-path entry, minified KB', shortestPathEntry.minifiedBytes / 1024, '< 60 KB', shortestPathEntry.minifiedBytes < 60 * 1024);

  log('\nTargets');
  log(formatTable(['target', 'measured', 'goal', ''], targets.map((t) => [
    t.name, t.value >= 1e6 ? t.value.toExponential(2) : fixed(t.value, 2), t.goal, t.met ? 'met' : 'MISSED',
  ])));

  // The ratios a comparison tracks, each "higher is better", named so runs line up across versions.
  const ratios: Record<string, number> = {};
  for (const row of shortestPath) {
    ratios[`dijkstra ${row.nodes}: wasm vs graphology`] = (row.graphologyMsPerSource * row.sources) / row.wasmMs;
    ratios[`dijkstra ${row.nodes}: wasm vs twin`] = row.twinMs / row.wasmMs;
    if (row.igraphMs !== null) ratios[`dijkstra ${row.nodes}: wasm vs igraph`] = row.igraphMs / row.wasmMs;
  }
  for (const row of floydWarshall) {
    ratios[`floyd-warshall ${row.size}: simd vs twin`] = row.twinMs / row.simdMs;
    ratios[`floyd-warshall ${row.size}: simd vs scalar`] = row.scalarMs / row.simdMs;
  }
  for (const row of latency) ratios[`latency matrix ${row.network}: one pass vs pair by pair`] = row.pairByPairMs / row.onePassMs;
  const report = {
    suiteVersion: SUITE_VERSION,
    ratios,
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    durationSeconds: (Date.now() - started) / 1000,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      v8: process.versions.v8,
      platform: `${process.platform}-${process.arch}`,
    },
    shortestPath: shortestPath.map((row) => ({
      ...row,
      ratioVsGraphology: (row.graphologyMsPerSource * row.sources) / row.wasmMs,
      ratioVsTwin: row.twinMs / row.wasmMs,
      ratioVsIgraph: row.igraphMs === null ? null : row.igraphMs / row.wasmMs,
    })),
    latencyMatrix: latency.map((row) => ({ ...row, ratio: row.pairByPairMs / row.onePassMs })),
    placement,
    timeLimits,
    twoTier,
    entrySizes,
    planProcess,
    floydWarshall: floydWarshall.map((row) => ({ ...row, ratioVsTwin: row.twinMs / row.simdMs, ratioVsScalar: row.scalarMs / row.simdMs })),
    targets,
  };
  const written = writeReport(args.out, report);
  log(`\nWrote ${written} in ${fixed(report.durationSeconds, 0)} s.`);
  const missed = targets.filter((t) => !t.met);
  if (missed.length > 0) {
    log(`${missed.length} target(s) MISSED: ${missed.map((t) => t.name).join('; ')}.`);
    process.exitCode = 1;
  }
  if (baseline !== null) {
    const comparison = compareRuns(report, baseline, args.tolerance);
    log(`\nRatios against ${args.compare} (higher is better; a fall of more than ${fixed(args.tolerance * 100, 0)}% is a regression)`);
    log(formatTable(['ratio', 'baseline', 'this run', 'change', ''], comparison.rows.map((row) => [
      row.name, row.baseline === null ? '-' : fixed(row.baseline, 2), row.current === null ? '-' : fixed(row.current, 2),
      row.change === null ? '-' : `${row.change >= 0 ? '+' : ''}${fixed(row.change * 100, 1)}%`, row.regressed ? 'REGRESSED' : '',
    ])));
    for (const warning of comparison.warnings) log(`warning: ${warning}`);
    if (comparison.regressions.length > 0) {
      log(`${comparison.regressions.length} ratio(s) regressed past the tolerance.`);
      process.exitCode = 1;
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

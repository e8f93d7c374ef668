// `npm run bench:quality -- --large [--only fl1400:5,u1060] [--time-limit-ms 60000]`: the TSPLIB
// point sets (bench/tsplib) through solvePlacement, p-median and p-center, each against its
// published value: the value found, the proven bound, the gap to the published value and the
// proven gap, and the time. Writes bench/results/quality-large.json (or --out FILE).

import { parseArgs } from 'node:util';
import { solvePlacement } from '../src/index.js';
import { formatTable } from './table.js';
import { tsplibMatrix, tsplibPoints, tsplibValues, type TsplibValue } from './tsplib.js';
import { writeReport } from './write-results.js';

interface LargeRow {
  readonly problem: TsplibValue['problem'];
  readonly instance: string;
  readonly n: number;
  readonly p: number;
  readonly published: number;
  readonly publishedKind: TsplibValue['valueKind'];
  readonly found: number;
  readonly status: string;
  readonly lowerBound: number | null;
  /** (found - published) / published: negative when a best-known value is beaten. */
  readonly gapToPublishedPercent: number;
  /** (found - lowerBound) / found: what the solver itself proves. */
  readonly provenGapPercent: number | null;
  readonly ms: number;
}

/** HiGHS is not run here: the assignment MILP of n = 1,060 already has over a million binaries. */
const HIGHS_NOTE = 'HiGHS not run: the assignment model has n^2 >= 1.1 million variables at these sizes';

function selected(values: TsplibValue[], only: string | undefined): TsplibValue[] {
  if (only === undefined) return values;
  const matches = (item: string, value: TsplibValue) => item === value.instance || item === `${value.instance}:${value.p}`;
  const wanted = only.split(',').map((item) => item.trim());
  const unknown = wanted.filter((item) => !values.some((value) => matches(item, value)));
  if (unknown.length > 0) throw new Error(`--only: ${unknown.join(', ')} is not an instance (or instance:p) of bench/tsplib/values.csv`);
  return values.filter((value) => wanted.some((item) => matches(item, value)));
}

export async function runLarge(args: readonly string[]): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  // strict: a misspelt option is an error, not a run with the defaults.
  const { values: options } = parseArgs({
    args: [...args], strict: true,
    options: { large: { type: 'boolean' }, only: { type: 'string' }, 'time-limit-ms': { type: 'string' }, out: { type: 'string' } },
  });
  const timeLimitMs = Number(options['time-limit-ms'] ?? 60_000);
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0) throw new Error('--time-limit-ms must be a positive number of milliseconds');
  const out = options.out ?? 'bench/results/quality-large.json';
  const values = selected(tsplibValues(), options.only);
  const rows: LargeRow[] = [];
  let loaded = null as { key: string; latencyMs: ReturnType<typeof tsplibMatrix> } | null;
  for (const value of values) {
    // One matrix at a time (pcb3038's is 74 MB); values.csv lists each instance's rows together.
    const key = `${value.instance}/${value.convention}`;
    if (loaded?.key !== key) loaded = { key, latencyMs: tsplibMatrix(tsplibPoints(value.instance), value.convention) };
    const { latencyMs } = loaded;
    const started = performance.now();
    const result = solvePlacement({ latencyMs, objective: value.problem, k: value.p, timeLimitMs });
    const ms = performance.now() - started;
    const row: LargeRow = {
      problem: value.problem, instance: value.instance, n: value.n, p: value.p, published: value.value, publishedKind: value.valueKind,
      found: result.objective, status: result.status, lowerBound: result.lowerBound,
      gapToPublishedPercent: ((result.objective - value.value) / value.value) * 100,
      provenGapPercent: result.lowerBound === null || !Number.isFinite(result.lowerBound) ? null : ((result.objective - result.lowerBound) / result.objective) * 100,
      ms,
    };
    rows.push(row);
    log(`${value.problem} ${value.instance} p=${value.p}: ${row.found} (published ${value.value}, ${value.valueKind}) ${row.status}, bound ${row.lowerBound}, ${(ms / 1000).toFixed(1)} s`);
  }
  for (const problem of ['p-median', 'p-center'] as const) {
    const subset = rows.filter((row) => row.problem === problem);
    if (subset.length === 0) continue;
    log(`\n${problem} (time limit ${timeLimitMs / 1000} s each)`);
    log(formatTable(
      ['instance', 'n', 'p', 'published', 'found', 'vs published %', 'status', 'bound', 'proven gap %', 's'],
      subset.map((row) => [
        row.instance, row.n, row.p, `${row.published}${row.publishedKind === 'best-known' ? ' (bk)' : ''}`, row.found, row.gapToPublishedPercent.toFixed(3),
        row.status, row.lowerBound ?? '-', row.provenGapPercent === null ? '-' : row.provenGapPercent.toFixed(3), (row.ms / 1000).toFixed(1),
      ]),
    ));
  }
  log(`\n${HIGHS_NOTE}.`);
  const written = writeReport(out, { date: new Date().toISOString(), timeLimitMs, highs: HIGHS_NOTE, rows });
  log(`Wrote ${written}`);
}

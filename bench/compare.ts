// Comparing a benchmark run with a baseline run: ratios only (kernel against its twin, against
// graphology, against igraph...), because ratios measured in one run survive a change of machine
// far better than milliseconds do. A ratio is "higher is better"; one that falls more than the
// tolerance below the baseline's is a regression. A baseline that cannot be read, or that comes
// from another suite version, is an error; one from another kind of machine is a stated warning.

import { readFileSync } from 'node:fs';

/** Bumped whenever a ratio changes meaning (a different workload or definition): older baselines are refused. */
export const SUITE_VERSION = 2;
export const DEFAULT_TOLERANCE = 0.25;

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
}

/** What a comparison reads from a report: its suite version, machine, mode and named ratios. */
export interface Comparable {
  readonly suiteVersion: number;
  readonly mode: string;
  readonly machine: Machine;
  readonly ratios: Readonly<Record<string, number>>;
}

export class BaselineError extends Error {}

/** Reads and checks a baseline report; every failure names the file and what to do. */
export function readBaseline(file: string): Comparable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`--compare ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}); give the JSON a previous run wrote with --out.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`--compare ${file}: is not valid JSON (${(error as Error).message}).`);
  }
  const report = parsed as Partial<Comparable> | null;
  if (typeof report !== 'object' || report === null || typeof report.ratios !== 'object' || report.ratios === null) {
    throw new BaselineError(`--compare ${file}: has no "ratios" object; it is not a benchmark report from this suite (write one with npm run bench -- --out FILE).`);
  }
  if (report.suiteVersion !== SUITE_VERSION) {
    throw new BaselineError(`--compare ${file}: is from suite version ${String(report.suiteVersion ?? 'none')}, this is version ${SUITE_VERSION}; its ratios measure other things. Make a new baseline with this version.`);
  }
  for (const [name, value] of Object.entries(report.ratios)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new BaselineError(`--compare ${file}: ratio "${name}" is ${JSON.stringify(value)}, not a number > 0.`);
  }
  if (typeof report.machine !== 'object' || report.machine === null || typeof report.mode !== 'string') {
    throw new BaselineError(`--compare ${file}: has no "machine" or "mode"; it is not a benchmark report from this suite.`);
  }
  return report as Comparable;
}

export interface RatioRow {
  readonly name: string;
  readonly baseline: number | null;
  readonly current: number | null;
  /** current / baseline - 1; null when either is missing. */
  readonly change: number | null;
  readonly regressed: boolean;
}

export interface Comparison {
  readonly rows: readonly RatioRow[];
  readonly regressions: readonly RatioRow[];
  /** Differences that make the comparison weaker without making it wrong. */
  readonly warnings: readonly string[];
}

export function compareRuns(current: Comparable, baseline: Comparable, tolerance: number): Comparison {
  const warnings: string[] = [];
  const now = current.machine;
  const then = baseline.machine;
  if (now.cpu !== then.cpu || now.cores !== then.cores) {
    warnings.push(`the baseline ran on ${then.cores} x ${then.cpu}, this run on ${now.cores} x ${now.cpu}: ratios usually carry over between machines, but not always.`);
  }
  if (now.node.split('.')[0] !== then.node.split('.')[0]) warnings.push(`the baseline ran on Node ${then.node}, this run on ${now.node}.`);
  if (current.mode !== baseline.mode) warnings.push(`the baseline is a ${baseline.mode} run and this a ${current.mode} run: quick runs time fewer, smaller cases.`);
  const names = [...new Set([...Object.keys(baseline.ratios), ...Object.keys(current.ratios)])].sort();
  const rows = names.map((name): RatioRow => {
    const was = baseline.ratios[name] ?? null;
    const is = current.ratios[name] ?? null;
    const change = was === null || is === null ? null : is / was - 1;
    return { name, baseline: was, current: is, change, regressed: change !== null && change < -tolerance };
  });
  const missing = rows.filter((row) => row.current === null).map((row) => row.name);
  if (missing.length > 0) warnings.push(`this run did not measure ${missing.join(', ')} (a quick run skips some cases).`);
  return { rows, regressions: rows.filter((row) => row.regressed), warnings };
}

export interface BenchArguments {
  readonly quick: boolean;
  readonly out: string;
  readonly compare: string | null;
  readonly tolerance: number;
}

/** The default report path: untracked (out/ is ignored), so a run leaves the tree clean. */
export const DEFAULT_OUT = 'out/bench.json';

export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  let quick = false;
  let out = DEFAULT_OUT;
  let compare: string | null = null;
  let tolerance = DEFAULT_TOLERANCE;
  const value = (i: number, flag: string) => {
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) throw new BaselineError(`${flag} needs a value.`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') quick = true;
    else if (flag === '--out') out = value(i++, flag);
    else if (flag === '--compare') compare = value(i++, flag);
    else if (flag === '--tolerance') {
      const text = value(i++, flag);
      tolerance = Number(text);
      if (!(tolerance > 0 && tolerance < 1)) throw new BaselineError(`--tolerance must be a fraction between 0 and 1, such as 0.25 (a ratio may fall 25% below the baseline's); got "${text}".`);
    } else throw new BaselineError(`unknown option "${flag}"; the benchmark takes --quick, --out FILE, --compare BASELINE.json and --tolerance FRACTION.`);
  }
  return { quick, out, compare, tolerance };
}

// A placement problem as solvePlacement takes it, checked field by field and normalised into the
// form every solver reads: a candidate-major latency matrix (candidate j's latencies to all demands
// are contiguous, as the kernel's nearest-of-set reduction wants), weights, costs and site masks.
// Every check runs before any solver or kernel memory is touched.

import { CapacityError, InvalidArgumentError } from '../errors.js';
import { wasmBytesAvailable } from '../kernel/memory.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/suggest.js';

/**
 * What to optimise: 'p-median' the least weighted latency sum with k sites; 'p-center' the least
 * worst latency with k sites; 'max-coverage' the most demand weight within `sloMs` of k sites;
 * 'set-cover' the least cost (by default, the fewest sites) that puts every demand within `sloMs`.
 */
export type PlacementObjective = 'p-median' | 'p-center' | 'max-coverage' | 'set-cover';

/** Every placement objective. */
export const PLACEMENT_OBJECTIVES: readonly PlacementObjective[] = ['p-median', 'p-center', 'max-coverage', 'set-cover'];

/** A demand x candidate latency matrix: nested arrays, or row-major data with rows and cols. */
export type LatencyMatrixInput = readonly (readonly number[])[] | {
  /** Number of demands. */
  readonly rows: number;
  /** Number of candidate sites. */
  readonly cols: number;
  /** data[demand * cols + candidate], latencies in ms >= 0 (Infinity for unreachable). */
  readonly data: ArrayLike<number>;
};

/** A placement problem on any demand x candidate latency matrix; see {@link solvePlacement}. */
export interface PlacementProblem {
  /** latencyMs[demand][candidate], or `{ rows, cols, data }` as shortestPath.matrix and latencyMatrix return. */
  readonly latencyMs: LatencyMatrixInput;
  /** Demand weights, finite and >= 0. @default 1 each */
  readonly weights?: ArrayLike<number>;
  /** What to optimise. */
  readonly objective: PlacementObjective;
  /** Sites to open, fixed ones included (p-median, p-center, max-coverage). */
  readonly k?: number;
  /** Coverage radius in ms (max-coverage, set-cover). */
  readonly sloMs?: number;
  /** Per-candidate cost that set-cover minimises. @default 1 each */
  readonly costs?: ArrayLike<number>;
  /** Candidates that are always open. */
  readonly fixed?: readonly number[];
  /** Candidates that are never open. */
  readonly forbidden?: readonly number[];
  /** set-cover: each demand within the SLO of at least this many open sites. @default 1 */
  readonly coverTimes?: number;
  /** Stop searching after this long and report the best found with its bound. @default 10000 */
  readonly timeLimitMs?: number;
  /** Seed for the randomised starts; the same seed gives the same answer. @default 1 */
  readonly seed?: number;
  /** 'wasm' runs the WebAssembly kernel; 'js' its TypeScript twin. @default "wasm" */
  readonly kernel?: 'wasm' | 'js';
}

export interface NormalizedProblem {
  readonly objective: PlacementObjective;
  readonly demandCount: number;
  readonly candidateCount: number;
  /** distance[j * demandCount + i]: latency from demand i to candidate j; +Infinity when unreachable. */
  readonly candidateMajor: Float64Array;
  readonly weights: Float64Array;
  readonly costs: Float64Array;
  readonly k: number;
  readonly sloMs: number;
  readonly coverTimes: number;
  /** 1 for fixed candidates. */
  readonly fixed: Uint8Array;
  /** 1 for forbidden candidates. */
  readonly forbidden: Uint8Array;
  readonly timeLimitMs: number;
  readonly seed: number;
  /** Whether every latency and weight (and cost) is an integer, so bounds may be rounded up. */
  readonly integral: boolean;
  readonly kernel: 'wasm' | 'js';
}

const DEFAULT_TIME_LIMIT_MS = 10_000;
/** The largest Float64Array the engine makes (2^32 elements). */
const MAX_TYPED_ARRAY_CELLS = 2 ** 32;

function fail(field: string, message: string): never {
  throw new InvalidArgumentError(field, message);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * The kernel holds the matrix as f64 beside the caller's copy: a matrix it cannot hold is refused
 * before anything of its size is allocated.
 */
function checkCapacity(rows: number, cols: number, kernel: 'wasm' | 'js'): void {
  const bytes = rows * cols * Float64Array.BYTES_PER_ELEMENT;
  if (kernel === 'wasm' && bytes > wasmBytesAvailable()) {
    throw new CapacityError('problem.latencyMs', bytes, wasmBytesAvailable(), `a ${rows} x ${cols} matrix is too large for the WebAssembly kernel; use fewer demands or candidates (cluster the demands), or kernel: "js".`);
  }
  if (rows * cols > MAX_TYPED_ARRAY_CELLS) {
    throw new CapacityError('problem.latencyMs', bytes, MAX_TYPED_ARRAY_CELLS * Float64Array.BYTES_PER_ELEMENT, `a ${rows} x ${cols} matrix has more cells than one Float64Array holds; use fewer demands or candidates.`);
  }
}

function readMatrix(input: unknown, kernel: 'wasm' | 'js'): { rows: number; cols: number; candidateMajor: Float64Array; integral: boolean } {
  let rows: number;
  let cols: number;
  let at: (r: number, c: number) => unknown;
  let where: (r: number, c: number) => string;
  if (Array.isArray(input)) {
    rows = input.length;
    if (rows === 0) fail('problem.latencyMs', 'has no rows; pass one row per demand.');
    const first = input[0] as unknown;
    if (!isArrayLike(first)) fail('problem.latencyMs[0]', 'must be an array of latencies, one per candidate.');
    cols = first.length;
    input.forEach((row: unknown, r) => {
      if (!isArrayLike(row)) fail(`problem.latencyMs[${r}]`, 'must be an array of latencies, one per candidate.');
      if (row.length !== cols) fail(`problem.latencyMs[${r}]`, `has ${row.length} entries but row 0 has ${cols}; the matrix must be rectangular (demand x candidate).`);
    });
    at = (r, c) => (input[r] as ArrayLike<unknown>)[c];
    where = (r, c) => `problem.latencyMs[${r}][${c}]`;
  } else if (typeof input === 'object' && input !== null && 'data' in input) {
    const matrix = input as { rows: unknown; cols: unknown; data: unknown };
    if (!Number.isInteger(matrix.rows) || (matrix.rows as number) < 1) fail('problem.latencyMs.rows', `must be a positive integer; got ${describe(matrix.rows)}.`);
    if (!Number.isInteger(matrix.cols) || (matrix.cols as number) < 1) fail('problem.latencyMs.cols', `must be a positive integer; got ${describe(matrix.cols)}.`);
    rows = matrix.rows as number;
    cols = matrix.cols as number;
    checkCapacity(rows, cols, kernel);
    if (!isArrayLike(matrix.data) || matrix.data.length !== rows * cols) {
      fail('problem.latencyMs.data', `must hold rows x cols = ${rows * cols} latencies (row-major); got ${isArrayLike(matrix.data) ? matrix.data.length : describe(matrix.data)}.`);
    }
    const data = matrix.data as ArrayLike<unknown>;
    at = (r, c) => data[r * cols + c];
    where = (r, c) => `problem.latencyMs.data[${r * cols + c}] (demand ${r}, candidate ${c})`;
  } else {
    fail('problem.latencyMs', `must be number[][] (demand x candidate) or { rows, cols, data }; got ${describe(input)}.`);
  }
  if (cols === 0) fail('problem.latencyMs', 'has no columns; pass one column per candidate site.');
  checkCapacity(rows, cols, kernel);
  const candidateMajor = new Float64Array(rows * cols);
  let integral = true;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = at(r, c);
      if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || value === -Infinity) {
        fail(where(r, c), `is ${describe(value)}; latencies must be numbers >= 0 (Infinity for unreachable).`);
      }
      if (integral && value !== Infinity && !Number.isInteger(value)) integral = false;
      candidateMajor[c * rows + r] = value;
    }
  }
  return { rows, cols, candidateMajor, integral };
}

function readVector(value: unknown, length: number, field: string, what: string, fallback: number): { values: Float64Array; integral: boolean } {
  if (value === undefined) return { values: new Float64Array(length).fill(fallback), integral: true };
  if (!isArrayLike(value)) fail(field, `must be an array of ${length} ${what}; got ${describe(value)}.`);
  if (value.length !== length) fail(field, `has ${value.length} entries but there are ${length} ${what === 'costs' ? 'candidates' : 'demands'}.`);
  const values = new Float64Array(length);
  let integral = true;
  for (let i = 0; i < length; i++) {
    const entry = value[i];
    if (typeof entry !== 'number' || !Number.isFinite(entry) || entry < 0) fail(`${field}[${i}]`, `is ${describe(entry)}; ${what} must be finite numbers >= 0.`);
    if (!Number.isInteger(entry)) integral = false;
    values[i] = entry;
  }
  return { values, integral };
}

function readSites(value: unknown, candidateCount: number, field: string): Uint8Array {
  const mask = new Uint8Array(candidateCount);
  if (value === undefined) return mask;
  if (!Array.isArray(value)) fail(field, `must be an array of candidate indices; got ${describe(value)}.`);
  // A 0/1 list as long as the candidates, with a repeat, is a mask (spopt's convention), not indices.
  if (value.length === candidateCount && value.every((flag) => flag === 0 || flag === 1) && new Set(value).size < value.length) {
    const indices = value.flatMap((flag, j) => (flag === 1 ? [j] : []));
    fail(field, `looks like a 0/1 mask over the candidates; pass the candidate indices instead: [${indices.join(', ')}].`);
  }
  value.forEach((index: unknown, i) => {
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= candidateCount) {
      fail(`${field}[${i}]`, `is ${describe(index)}; candidate indices run from 0 to ${candidateCount - 1}.`);
    }
    if (mask[index as number]) fail(`${field}[${i}]`, `repeats candidate ${index as number}; list each candidate once.`);
    mask[index as number] = 1;
  });
  return mask;
}

function readPositiveNumber(value: unknown, field: string, { integer = false, minimum = 0, exclusive = true } = {}): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (exclusive ? value > minimum : value >= minimum) && (!integer || Number.isInteger(value));
  if (!ok) fail(field, `must be a finite ${integer ? 'integer' : 'number'} ${exclusive ? '>' : '>='} ${minimum}; got ${describe(value)}.`);
  return value as number;
}

const FIELDS = ['latencyMs', 'weights', 'objective', 'k', 'sloMs', 'costs', 'fixed', 'forbidden', 'coverTimes', 'timeLimitMs', 'seed', 'kernel'];

/** The objectives each option applies to: giving it to another is an error, not a silent change. */
const USED_BY: Readonly<Record<string, readonly PlacementObjective[]>> = {
  k: ['p-median', 'p-center', 'max-coverage'],
  sloMs: ['max-coverage', 'set-cover'],
  costs: ['set-cover'],
  coverTimes: ['set-cover'],
};

/**
 * The objective must stay a finite number for every plan: weights times latencies (p-median),
 * weights (max-coverage) and costs (set-cover) summed over everything must not overflow.
 */
function checkSums(objective: PlacementObjective, rows: number, cols: number, candidateMajor: Float64Array, weights: Float64Array, costs: Float64Array): void {
  let total = 0;
  if (objective === 'p-median') {
    for (let i = 0; i < rows; i++) {
      let worst = 0;
      for (let j = 0; j < cols; j++) {
        const value = candidateMajor[j * rows + i];
        if (value !== Infinity && value > worst) worst = value;
      }
      total += weights[i] * worst;
    }
  } else if (objective === 'max-coverage') {
    for (const weight of weights) total += weight;
  } else if (objective === 'set-cover') {
    for (const cost of costs) total += cost;
  }
  if (!Number.isFinite(total)) {
    const field = objective === 'set-cover' ? 'problem.costs' : 'problem.weights';
    fail(field, `are so large that the objective overflows (${objective === 'p-median' ? 'weights x latencies sum' : 'they sum'} past ${Number.MAX_VALUE.toExponential(2)}); scale them down.`);
  }
}

export function normalizeProblem(problem: unknown): NormalizedProblem {
  if (typeof problem !== 'object' || problem === null || Array.isArray(problem)) fail('problem', `must be an object { latencyMs, objective, ... }; got ${describe(problem)}.`);
  const input = problem as Record<string, unknown>;
  for (const name of Object.keys(input)) {
    if (!FIELDS.includes(name)) fail(`problem.${name}`, `is not a field of a placement problem.${didYouMean(name, FIELDS)} Fields: ${FIELDS.join(', ')}.`);
  }
  const objective = input.objective as PlacementObjective;
  if (!PLACEMENT_OBJECTIVES.includes(objective)) {
    fail('problem.objective', `must be one of ${PLACEMENT_OBJECTIVES.map((o) => `"${o}"`).join(', ')}; got ${describe(input.objective)}.`);
  }
  for (const [name, objectives] of Object.entries(USED_BY)) {
    if (input[name] !== undefined && !objectives.includes(objective)) {
      fail(`problem.${name}`, `does not apply to "${objective}"; it is used by ${objectives.map((o) => `"${o}"`).join(' and ')}. Remove it, or choose one of those objectives.`);
    }
  }
  const kernel = input.kernel ?? 'wasm';
  if (kernel !== 'wasm' && kernel !== 'js') fail('problem.kernel', `must be "wasm" or "js"; got ${describe(kernel)}.`);
  const { rows, cols, candidateMajor, integral: latenciesIntegral } = readMatrix(input.latencyMs, kernel);
  const weights = readVector(input.weights, rows, 'problem.weights', 'weights', 1);
  const costs = readVector(input.costs, cols, 'problem.costs', 'costs', 1);
  const fixed = readSites(input.fixed, cols, 'problem.fixed');
  const forbidden = readSites(input.forbidden, cols, 'problem.forbidden');
  for (let j = 0; j < cols; j++) {
    if (fixed[j] && forbidden[j]) fail('problem.fixed', `and problem.forbidden both name candidate ${j}; a site cannot be both always and never open.`);
  }
  let k = 0;
  if (objective !== 'set-cover') {
    if (input.k === undefined) fail('problem.k', `is required for "${objective}": the number of sites to open.`);
    k = readPositiveNumber(input.k, 'problem.k', { integer: true });
    if (k > cols) fail('problem.k', `is ${k} but there are only ${cols} candidates.`);
  }
  let sloMs = Infinity;
  if (objective === 'max-coverage' || objective === 'set-cover') {
    if (input.sloMs === undefined) fail('problem.sloMs', `is required for "${objective}": the latency within which a demand counts as covered.`);
    sloMs = readPositiveNumber(input.sloMs, 'problem.sloMs');
  }
  let coverTimes = 1;
  if (input.coverTimes !== undefined) {
    coverTimes = readPositiveNumber(input.coverTimes, 'problem.coverTimes', { integer: true });
  }
  const timeLimitMs = input.timeLimitMs === undefined ? DEFAULT_TIME_LIMIT_MS : readPositiveNumber(input.timeLimitMs, 'problem.timeLimitMs');
  const seed = input.seed === undefined ? 1 : readPositiveNumber(input.seed, 'problem.seed', { integer: true, exclusive: false });
  checkSums(objective, rows, cols, candidateMajor, weights.values, costs.values);
  const integral = latenciesIntegral && weights.integral && (objective !== 'set-cover' || costs.integral);
  return {
    objective, demandCount: rows, candidateCount: cols, candidateMajor, weights: weights.values, costs: costs.values,
    k, sloMs, coverTimes, fixed, forbidden, timeLimitMs, seed, integral, kernel,
  };
}

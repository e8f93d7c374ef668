// Fits the latency model's parameters to measured round-trip times. The loss is the mean absolute
// log ratio of modelled to measured RTT: relative, so a 5 ms error counts for more on a 20 ms pair
// than on a 300 ms one, and robust to the odd outlier. Parameters are searched in a square-root
// space that keeps every stretch >= 1 and every overhead >= 0.

import { InvalidArgumentError } from '../errors.js';
import { describe } from '../shortest-path/edge-weight.js';
import { bundledWorld, type World } from '../world/world.js';
import { type Endpoint, resolveEndpoint } from './endpoints.js';
import { LatencyModel } from './model.js';
import { nelderMead } from './nelder-mead.js';
import { defaultLatencyParameters, type LatencyParameters, PARAMETER_MINIMUM, PARAMETER_NAMES } from './parameters.js';
import { resolveWhatIf } from './what-if.js';

export interface RttMeasurement {
  /** Region or market id, `[lon, lat]` or a GeoJSON Point. */
  readonly from: unknown;
  readonly to: unknown;
  readonly rttMs: number;
  /** Shown in residual reports, e.g. "eastus - westeurope". */
  readonly label?: string;
}

export interface PairResidual {
  readonly label: string;
  readonly measuredMs: number;
  readonly modelledMs: number;
  /** |modelled - measured| / measured, as a fraction. */
  readonly absolutePercentageError: number;
}

export interface ResidualStatistics {
  readonly count: number;
  /** Median absolute percentage error, as a fraction (0.08 = 8%). */
  readonly medianApe: number;
  readonly p90Ape: number;
  readonly meanApe: number;
  /** Median of modelled / measured: below 1 means the model runs fast. */
  readonly medianRatio: number;
  /** The worst pairs, largest error first. */
  readonly worst: readonly PairResidual[];
}

export interface CalibrationResult {
  readonly parameters: LatencyParameters;
  readonly residuals: ResidualStatistics;
  readonly evaluations: number;
}

export interface CalibrateOptions {
  readonly world?: World;
  /** Where the search starts. @default the shipped parameters */
  readonly initial?: LatencyParameters;
  /** @default 600 */
  readonly maxEvaluations?: number;
}

/** Measurements resolved once: unique endpoints and, per measurement, its cell in their matrix. */
export interface PreparedMeasurements {
  readonly endpoints: readonly Endpoint[];
  readonly cells: Int32Array;
  readonly measuredMs: Float64Array;
  readonly labels: readonly string[];
}

export function prepareMeasurements(world: World, measurements: unknown, functionName: string): PreparedMeasurements {
  if (!Array.isArray(measurements) || measurements.length === 0) {
    throw new InvalidArgumentError(functionName, 'measurements', `must be a non-empty array of { from, to, rttMs }; got ${describe(measurements)}.`);
  }
  const endpoints: Endpoint[] = [];
  const endpointIndex = new Map<string, number>();
  const indexOf = (endpoint: Endpoint) => {
    const key = `${endpoint.coordinates[0]},${endpoint.coordinates[1]}`;
    let index = endpointIndex.get(key);
    if (index === undefined) {
      index = endpoints.length;
      endpoints.push(endpoint);
      endpointIndex.set(key, index);
    }
    return index;
  };
  const pairs = measurements.map((measurement: RttMeasurement, i) => {
    const field = `measurements[${i}]`;
    if (typeof measurement !== 'object' || measurement === null) throw new InvalidArgumentError(functionName, field, 'must be { from, to, rttMs }.');
    if (typeof measurement.rttMs !== 'number' || !Number.isFinite(measurement.rttMs) || measurement.rttMs <= 0) {
      throw new InvalidArgumentError(functionName, `${field}.rttMs`, `must be a finite number of milliseconds > 0; got ${String(measurement.rttMs)}.`);
    }
    const from = indexOf(resolveEndpoint(world, measurement.from, functionName, `${field}.from`));
    const to = indexOf(resolveEndpoint(world, measurement.to, functionName, `${field}.to`));
    return { from, to, rttMs: measurement.rttMs, label: measurement.label ?? `${endpoints[from].label} - ${endpoints[to].label}` };
  });
  return {
    endpoints,
    cells: Int32Array.from(pairs, (p) => p.from * endpoints.length + p.to),
    measuredMs: Float64Array.from(pairs, (p) => p.rttMs),
    labels: pairs.map((p) => p.label),
  };
}

/** Modelled RTT for each prepared measurement under `parameters`, one kernel pass. */
export function modelPrepared(world: World, prepared: PreparedMeasurements, parameters: LatencyParameters, functionName: string): Float64Array {
  const model = new LatencyModel(world, parameters);
  try {
    const matrix = model.matrix(prepared.endpoints, prepared.endpoints, resolveWhatIf(world, {}, functionName), functionName);
    return Float64Array.from(prepared.cells, (cell) => matrix[cell]);
  } finally {
    model.dispose();
  }
}

export function residualStatistics(measuredMs: ArrayLike<number>, modelledMs: ArrayLike<number>, labels: readonly string[], worstCount = 10): ResidualStatistics {
  const residuals: PairResidual[] = labels.map((label, i) => ({
    label,
    measuredMs: measuredMs[i],
    modelledMs: modelledMs[i],
    absolutePercentageError: Math.abs(modelledMs[i] - measuredMs[i]) / measuredMs[i],
  }));
  const errors = residuals.map((r) => r.absolutePercentageError).sort((a, b) => a - b);
  const ratios = residuals.map((r) => r.modelledMs / r.measuredMs).sort((a, b) => a - b);
  return {
    count: residuals.length,
    medianApe: quantile(errors, 0.5),
    p90Ape: quantile(errors, 0.9),
    meanApe: errors.reduce((sum, e) => sum + e, 0) / Math.max(errors.length, 1),
    medianRatio: quantile(ratios, 0.5),
    worst: [...residuals].sort((a, b) => b.absolutePercentageError - a.absolutePercentageError).slice(0, worstCount),
  };
}

/** Linear-interpolated quantile of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function meanAbsoluteLogRatio(measuredMs: Float64Array, modelledMs: Float64Array): number {
  let total = 0;
  for (let i = 0; i < measuredMs.length; i++) {
    total += Number.isFinite(modelledMs[i]) ? Math.abs(Math.log(modelledMs[i] / measuredMs[i])) : 10;
  }
  return total / measuredMs.length;
}

const toSearchSpace = (parameters: LatencyParameters) => PARAMETER_NAMES.map((name) => Math.sqrt(parameters[name] - PARAMETER_MINIMUM[name]));
const fromSearchSpace = (x: readonly number[]): LatencyParameters =>
  Object.freeze(Object.fromEntries(PARAMETER_NAMES.map((name, d) => [name, PARAMETER_MINIMUM[name] + x[d] * x[d]]))) as unknown as LatencyParameters;

/** Fits the model's parameters to `measurements` and reports the residuals of the fit. */
export function calibrate(measurements: readonly RttMeasurement[], options: CalibrateOptions = {}): CalibrationResult {
  const functionName = 'calibrate';
  const world = options.world ?? bundledWorld;
  const prepared = prepareMeasurements(world, measurements, functionName);
  return calibratePrepared(world, prepared, options, functionName);
}

export function calibratePrepared(world: World, prepared: PreparedMeasurements, options: CalibrateOptions, functionName: string): CalibrationResult {
  const start = toSearchSpace(options.initial ?? defaultLatencyParameters);
  const minimum = nelderMead(
    (x) => meanAbsoluteLogRatio(prepared.measuredMs, modelPrepared(world, prepared, fromSearchSpace(x), functionName)),
    start,
    { steps: start.map((value) => Math.max(0.15, Math.abs(value) * 0.3)), maxEvaluations: options.maxEvaluations ?? 600, tolerance: 1e-7 },
  );
  const parameters = fromSearchSpace(minimum.x);
  const modelled = modelPrepared(world, prepared, parameters, functionName);
  return { parameters, residuals: residualStatistics(prepared.measuredMs, modelled, prepared.labels), evaluations: minimum.evaluations };
}

// Fits a network's latency parameters to measured round-trip times. The loss is the mean absolute
// log ratio of modelled to measured RTT: relative, so a 5 ms error counts for more on a 20 ms pair
// than on a 300 ms one, and robust to the odd outlier. Parameters are searched in a square-root
// space that keeps every stretch and overhead at or above its least value, by Nelder-Mead
// restarted from its best point until a restart no longer helps (one simplex stalls in the 15-25
// dimensions these models have). A measurement faster than light in fibre is reported, not fitted.

import { InvalidArgumentError, publicEntry } from '../errors.js';
import { fibreLowerBoundMs } from '../geo/great-circle.js';
import { describe } from '../util/describe.js';
import { bundledWorld, type World } from '../world/world.js';
import { type Endpoint, type EndpointInput, resolveEndpoint } from './endpoints.js';
import { modelFor } from './estimate.js';
import { nelderMead } from './nelder-mead.js';
import { type Network, resolveNetwork } from './network.js';
import { type LatencyParameters, PARAMETER_SPACES, resolveParameters } from './parameters.js';
import { resolveWhatIf } from './what-if.js';

/** One measured round trip between two endpoints. */
export interface RttMeasurement {
  /** Region or market id, `[lon, lat]`, a GeoJSON Point or a Point Feature (which may carry `properties.country`). */
  readonly from: EndpointInput;
  /** The other end, in the same forms as `from`. */
  readonly to: EndpointInput;
  /** The measured RTT in milliseconds, > 0 (e.g. a median of pings). */
  readonly rttMs: number;
  /** Shown in residual reports, e.g. "eastus - westeurope". */
  readonly label?: string;
}

/** How far the fitted model is from one measurement. */
export interface PairResidual {
  /** The measurement's label, or "from - to". */
  readonly label: string;
  /** The measured RTT in milliseconds. */
  readonly measuredMs: number;
  /** The fitted model's RTT in milliseconds. */
  readonly modelledMs: number;
  /** |modelled - measured| / measured, as a fraction. */
  readonly absolutePercentageError: number;
}

/** The fit's errors over the measurements kept. */
export interface ResidualStatistics {
  /** Measurements the statistics are over. */
  readonly count: number;
  /** Median absolute percentage error, as a fraction (0.08 = 8%). */
  readonly medianApe: number;
  /** 90th percentile of the absolute percentage error, as a fraction. */
  readonly p90Ape: number;
  /** Mean absolute percentage error, as a fraction. */
  readonly meanApe: number;
  /** Median of (modelled - measured) / measured: below 0 means the model runs fast. */
  readonly medianSignedError: number;
  /** The worst pairs, largest error first. */
  readonly worst: readonly PairResidual[];
}

/** A measurement left out of the fit because it is faster than light in fibre between its ends. */
export interface RejectedMeasurement {
  /** Its position in the measurements given. */
  readonly index: number;
  /** The measurement's label, or "from - to". */
  readonly label: string;
  /** The measured RTT in milliseconds. */
  readonly rttMs: number;
  /** The least RTT light in fibre allows between its ends, in milliseconds. */
  readonly fibreLowerBoundMs: number;
}

/** What {@link calibrate} found: the fitted parameters and how well they fit. */
export interface CalibrationResult {
  /** The network the parameters are for. */
  readonly network: Network;
  /** The fitted parameters; pass them as `options.parameters` of latency calls. */
  readonly parameters: LatencyParameters;
  /** Errors of the fitted model over the measurements kept. */
  readonly residuals: ResidualStatistics;
  /** Model evaluations the search used. */
  readonly evaluations: number;
  /** Measurements left out because they are faster than light in fibre. */
  readonly rejected: readonly RejectedMeasurement[];
}

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** The network the measurements were taken on. @default 'backbone' */
  readonly network?: Network;
  /** The world to model. @default the bundled regions, markets and backbone */
  readonly world?: World;
  /** Where the search starts: overrides of the shipped parameters. @default the shipped parameters */
  readonly initial?: Partial<LatencyParameters>;
  /** Most model evaluations the search may use. @default 4000 */
  readonly maxEvaluations?: number;
}

/** Measurements resolved once: unique endpoints and, per measurement kept, its cell in their matrix. */
export interface PreparedMeasurements {
  readonly endpoints: readonly Endpoint[];
  readonly cells: Int32Array;
  readonly measuredMs: Float64Array;
  readonly labels: readonly string[];
  /** Positions in the input of the measurements kept. */
  readonly indices: Int32Array;
  readonly rejected: readonly RejectedMeasurement[];
}

export function prepareMeasurements(world: World, measurements: unknown): PreparedMeasurements {
  if (!Array.isArray(measurements) || measurements.length === 0) {
    throw new InvalidArgumentError('measurements', `must be a non-empty array of { from, to, rttMs }; got ${describe(measurements)}.`);
  }
  const endpoints: Endpoint[] = [];
  const endpointIndex = new Map<string, number>();
  const indexOf = (endpoint: Endpoint) => {
    const key = `${endpoint.coordinates[0]},${endpoint.coordinates[1]},${endpoint.country}`;
    let index = endpointIndex.get(key);
    if (index === undefined) {
      index = endpoints.length;
      endpoints.push(endpoint);
      endpointIndex.set(key, index);
    }
    return index;
  };
  const kept: { from: number; to: number; rttMs: number; label: string; index: number }[] = [];
  const rejected: RejectedMeasurement[] = [];
  measurements.forEach((measurement: RttMeasurement, i) => {
    const field = `measurements[${i}]`;
    if (typeof measurement !== 'object' || measurement === null) throw new InvalidArgumentError(field, 'must be { from, to, rttMs }.');
    if (typeof measurement.rttMs !== 'number' || !Number.isFinite(measurement.rttMs) || measurement.rttMs <= 0) {
      throw new InvalidArgumentError(`${field}.rttMs`, `must be a finite number of milliseconds > 0; got ${String(measurement.rttMs)}.`);
    }
    const fromEndpoint = resolveEndpoint(world, measurement.from, `${field}.from`);
    const toEndpoint = resolveEndpoint(world, measurement.to, `${field}.to`);
    const label = measurement.label ?? `${fromEndpoint.label} - ${toEndpoint.label}`;
    const boundMs = fibreLowerBoundMs(fromEndpoint.coordinates, toEndpoint.coordinates);
    if (measurement.rttMs < boundMs) {
      rejected.push({ index: i, label, rttMs: measurement.rttMs, fibreLowerBoundMs: boundMs });
      return;
    }
    kept.push({ from: indexOf(fromEndpoint), to: indexOf(toEndpoint), rttMs: measurement.rttMs, label, index: i });
  });
  if (kept.length === 0) {
    throw new InvalidArgumentError('measurements', `are all faster than light in fibre between their ends (${rejected.length} rows); check the coordinates.`);
  }
  return {
    endpoints,
    cells: Int32Array.from(kept, (p) => p.from * endpoints.length + p.to),
    measuredMs: Float64Array.from(kept, (p) => p.rttMs),
    labels: kept.map((p) => p.label),
    indices: Int32Array.from(kept, (p) => p.index),
    rejected,
  };
}

/** Modelled RTT for each prepared measurement under `parameters`, one kernel pass. */
export function modelPrepared(world: World, network: Network, prepared: PreparedMeasurements, parameters: LatencyParameters): Float64Array {
  const model = modelFor(world, network, parameters);
  const matrix = model.matrix(prepared.endpoints, prepared.endpoints, resolveWhatIf(world, {}));
  return Float64Array.from(prepared.cells, (cell) => matrix[cell]);
}

export function residualStatistics(measuredMs: ArrayLike<number>, modelledMs: ArrayLike<number>, labels: readonly string[], worstCount = 10): ResidualStatistics {
  const residuals: PairResidual[] = labels.map((label, i) => ({
    label,
    measuredMs: measuredMs[i],
    modelledMs: modelledMs[i],
    absolutePercentageError: Math.abs(modelledMs[i] - measuredMs[i]) / measuredMs[i],
  }));
  const errors = residuals.map((r) => r.absolutePercentageError).sort((a, b) => a - b);
  const signed = residuals.map((r) => (r.modelledMs - r.measuredMs) / r.measuredMs).sort((a, b) => a - b);
  return {
    count: residuals.length,
    medianApe: quantile(errors, 0.5),
    p90Ape: quantile(errors, 0.9),
    meanApe: errors.reduce((sum, e) => sum + e, 0) / Math.max(errors.length, 1),
    medianSignedError: quantile(signed, 0.5),
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

/**
 * Fits the network's parameters to `measurements` and reports the residuals of the fit. The loss
 * is the mean absolute log ratio of modelled to measured RTT; a measurement faster than light in
 * fibre between its ends is left out and reported in `rejected`.
 *
 * @param measurements - measured RTTs between region ids, market ids or points; at least one
 * @param options - network (default 'backbone'), world, initial parameters and maxEvaluations (default 4000)
 * @throws {@link InvalidArgumentError} for a malformed measurement or option, or when every
 *   measurement is faster than light in fibre
 * @example
 * ```ts
 * import { calibrate, estimateRtt } from 'geoslo';
 *
 * const fit = calibrate([
 *   { from: 'ap-southeast-1', to: 'ap-northeast-1', rttMs: 70 },
 *   { from: 'ap-southeast-1', to: 'eu-central-1', rttMs: 160 },
 *   { from: 'ap-southeast-1', to: 'us-west-1', rttMs: 170 },
 * ], { maxEvaluations: 200 });
 * fit.residuals.medianApe; // the fit's median error, as a fraction (0.01 = 1%)
 * estimateRtt('ap-southeast-1', 'me-east-1', { parameters: fit.parameters });
 * ```
 */
export function calibrate(measurements: readonly RttMeasurement[], options: CalibrateOptions = {}): CalibrationResult {
  return publicEntry('calibrate', () => {
    if (options === null || typeof options !== 'object') throw new InvalidArgumentError('options', `must be an object; got ${describe(options)}.`);
    const world = options.world ?? bundledWorld;
    const network = resolveNetwork(options.network, 'options.network', 'backbone');
    const initial = resolveParameters(network, options.initial, 'options.initial');
    const maxEvaluations = options.maxEvaluations ?? 4000;
    if (!Number.isInteger(maxEvaluations) || maxEvaluations < 1) {
      throw new InvalidArgumentError('options.maxEvaluations', `must be a positive integer; got ${describe(options.maxEvaluations)}.`);
    }
    const prepared = prepareMeasurements(world, measurements);
    return calibratePrepared(world, network, prepared, initial, maxEvaluations);
  });
}

export function calibratePrepared(
  world: World, network: Network, prepared: PreparedMeasurements, initial: LatencyParameters, maxEvaluations: number,
): CalibrationResult {
  const space = PARAMETER_SPACES[network];
  const toSearch = (parameters: LatencyParameters) => Array.from(space.flatten(parameters), (value, d) => Math.sqrt(value - space.minimum[d]));
  const fromSearch = (x: readonly number[]) => space.expand(x.map((value, d) => space.minimum[d] + value * value));
  const loss = (x: readonly number[]) => meanAbsoluteLogRatio(prepared.measuredMs, modelPrepared(world, network, prepared, fromSearch(x)));
  let best = { x: toSearch(initial), value: Infinity };
  let evaluations = 0;
  while (evaluations < maxEvaluations) {
    const start = best.x;
    const run = nelderMead(loss, start, {
      steps: start.map((value) => Math.max(0.15, Math.abs(value) * 0.3)),
      maxEvaluations: maxEvaluations - evaluations,
      tolerance: 1e-6,
    });
    evaluations += run.evaluations;
    const improved = run.value < best.value - 1e-5;
    if (run.value < best.value) best = run;
    if (!improved) break;
  }
  const parameters = fromSearch(best.x);
  const modelled = modelPrepared(world, network, prepared, parameters);
  return {
    network,
    parameters,
    residuals: residualStatistics(prepared.measuredMs, modelled, prepared.labels),
    evaluations,
    rejected: prepared.rejected,
  };
}


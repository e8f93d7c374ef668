// The public latency calls on the bundled world: estimateRtt for one pair, latencyMatrix for many
// (one multi-source kernel pass), routeBetween to see how a round trip runs. Each takes the network
// (a provider's backbone or the public internet) and checks every option it is given.

import { InvalidArgumentError, publicEntry } from '../errors.js';
import { fibreLowerBoundMs, greatCircleKm } from '../geo/great-circle.js';
import { describe } from '../util/describe.js';
import { type MacroRegion, macroRegionOf } from '../world/macro-regions.js';
import { didYouMean } from '../util/suggest.js';
import { bundledWorld, type World } from '../world/world.js';
import { BackboneModel } from './backbone-model.js';
import { type Endpoint, type EndpointInput, resolveEndpoint, resolveEndpoints } from './endpoints.js';
import { checkQuantile, intervalTableFor, quantileFactor } from './intervals.js';
import { InternetModel } from './internet-model.js';
import type { LatencyModel, Route } from './model.js';
import { type Network, resolveNetwork } from './network.js';
import { type BackboneParameters, type InternetParameters, type LatencyParameters, resolveParameters } from './parameters.js';
import { resolveWhatIf, type WhatIf } from './what-if.js';

/**
 * Options of {@link estimateRtt}, {@link latencyMatrix} and {@link routeBetween}: the network, the
 * quantile, parameter overrides, the world, and what-if cuts of the backbone.
 */
export interface LatencyOptions extends WhatIf {
  /**
   * Which network the round trip takes: a provider's private backbone between its sites, or a
   * user's path over the public internet to a site.
   * @default 'backbone'
   */
  readonly network?: Network;
  /**
   * Which quantile of the RTT to give, strictly between 0 and 1: 0.5 is the modelled median, 0.9
   * a figure 90% of measured RTTs stay under (from held-out residuals by network, distance band
   * and the ends' macro-regions).
   * @default 0.5
   */
  readonly quantile?: number;
  /** Parameter overrides for the chosen network; the rest keep their fitted defaults. */
  readonly parameters?: Partial<BackboneParameters> | Partial<InternetParameters>;
  /** The world to model. @default the bundled regions, markets and backbone */
  readonly world?: World;
}

/** Demand x candidate style matrix; `solvePlacement` accepts it as `latencyMs`. */
export interface RttMatrix {
  /** Number of `from` endpoints. */
  readonly rows: number;
  /** Number of `to` endpoints. */
  readonly cols: number;
  /** data[r * cols + c] = modelled RTT ms from from[r] to to[c]; Infinity when unreachable. */
  readonly data: Float64Array;
  /** Row labels: the id given, or "lon,lat" for a point. */
  readonly from: string[];
  /** Column labels: the id given, or "lon,lat" for a point. */
  readonly to: string[];
  /** The network the RTTs are over. */
  readonly network: Network;
  /** The quantile the figures are (0.5: the median). */
  readonly quantile: number;
}

const OPTION_NAMES = ['network', 'quantile', 'parameters', 'world', 'cutCables', 'cutCorridors', 'removeNodes', 'removeRegions'];
const MAX_CACHED_MODELS = 4;
const models = new Map<string, LatencyModel>();

/** A model per (world, network, parameters), kept so repeated calls reuse its packed backbones. */
export function modelFor(world: World, network: Network, parameters: LatencyParameters): LatencyModel {
  const key = `${network}|${JSON.stringify(parameters)}`;
  const cached = models.get(key);
  if (cached && cached.world === world) return cached;
  if (cached) {
    cached.dispose();
    models.delete(key);
  }
  if (models.size >= MAX_CACHED_MODELS) {
    const [oldestKey, oldest] = models.entries().next().value as [string, LatencyModel];
    oldest.dispose();
    models.delete(oldestKey);
  }
  const model = network === 'backbone'
    ? new BackboneModel(world, parameters as BackboneParameters)
    : new InternetModel(world, parameters as InternetParameters);
  models.set(key, model);
  return model;
}

interface ResolvedCall {
  readonly world: World;
  readonly model: LatencyModel;
  readonly whatIf: ReturnType<typeof resolveWhatIf>;
  readonly quantile: number;
}

/** Checks the options object and each option in it, then finds the model they ask for. */
function resolveCall(options: unknown): ResolvedCall {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError('options', `must be an object such as { network: "internet" }; got ${describe(options)}.`);
  }
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.includes(name)) {
      throw new InvalidArgumentError(`options.${name}`, `is not an option.${didYouMean(name, OPTION_NAMES)} Options: ${OPTION_NAMES.join(', ')}.`);
    }
  }
  const { world = bundledWorld, network: networkOption, quantile: quantileOption, parameters: overrides, ...whatIfOptions } = options as LatencyOptions;
  if (world !== bundledWorld && (typeof world !== 'object' || world === null || !('backbone' in world) || !('internet' in world))) {
    throw new InvalidArgumentError('options.world', `must be a World such as worldAsOf(2026) (regions, markets, backbone, internet); got ${describe(world)}.`);
  }
  const network = resolveNetwork(networkOption, 'options.network', 'backbone');
  const parameters = resolveParameters(network, overrides);
  const quantile = quantileOption === undefined ? 0.5 : checkQuantile(quantileOption, 'options.quantile');
  const whatIf = resolveWhatIf(world, whatIfOptions);
  return { world, model: modelFor(world, network, parameters), whatIf, quantile };
}

/** Scales modelled medians to the asked quantile in place, never below the fibre bound; a no-op for the median. */
function applyQuantile(rttMs: Float64Array, from: readonly Endpoint[], to: readonly Endpoint[], model: LatencyModel, quantile: number): Float64Array {
  if (quantile === 0.5) return rttMs;
  const table = intervalTableFor(model.network);
  const regionOf = (endpoint: Endpoint) => macroRegionOf(model.countryOfEnd(endpoint)) as MacroRegion;
  const toRegions = to.map(regionOf);
  from.forEach((fromEndpoint, f) => {
    const fromRegion = regionOf(fromEndpoint);
    to.forEach((toEndpoint, t) => {
      const cell = f * to.length + t;
      const factor = quantileFactor(table, quantile, greatCircleKm(fromEndpoint.coordinates, toEndpoint.coordinates), [fromRegion, toRegions[t]]);
      // A low quantile never goes below what light in fibre allows.
      rttMs[cell] = Math.max(rttMs[cell] * factor, fibreLowerBoundMs(fromEndpoint.coordinates, toEndpoint.coordinates));
    });
  });
  return rttMs;
}

/**
 * Modelled round-trip ms between two endpoints (region or market ids, `[lon, lat]`, GeoJSON
 * Points): the median, or the quantile `options.quantile` asks for. Never below the fibre lower
 * bound; Infinity when what-if cuts leave no route.
 *
 * @param from - a region id, a market id, `[lon, lat]`, a GeoJSON Point or a Point Feature
 * @param to - likewise
 * @param options - network (default 'backbone'), quantile (default 0.5), parameters, world and what-if cuts
 * @throws {@link InvalidArgumentError} for an unknown id (with the closest known one), a malformed
 *   point, an unknown option or an option out of range
 * @example
 * ```ts
 * import { estimateRtt } from 'geoslo';
 *
 * estimateRtt('id-jakarta', 'ap-southeast-1', { network: 'internet' }); // a user in Jakarta to Singapore
 * estimateRtt('ap-southeast-1', 'eu-central-1', { quantile: 0.9, cutCorridors: ['red-sea'] }); // p90 with the Red Sea cut
 * ```
 */
export function estimateRtt(from: EndpointInput, to: EndpointInput, options: LatencyOptions = {}): number {
  return publicEntry('estimateRtt', () => {
    const { world, model, whatIf, quantile } = resolveCall(options);
    const endpoints = [resolveEndpoint(world, from, 'from'), resolveEndpoint(world, to, 'to')];
    return applyQuantile(model.matrix([endpoints[0]], [endpoints[1]], whatIf, (side) => side), [endpoints[0]], [endpoints[1]], model, quantile)[0];
  });
}

/**
 * Modelled RTT ms from every `from` endpoint to every `to` endpoint, in one kernel pass. The
 * result can be passed to {@link solvePlacement} as `latencyMs`.
 *
 * @param from - row endpoints: region or market ids, `[lon, lat]`, GeoJSON Points or Point Features
 * @param to - column endpoints, likewise
 * @param options - network (default 'backbone'), quantile (default 0.5), parameters, world and what-if cuts
 * @throws {@link InvalidArgumentError} for an unknown id, a malformed point or option
 * @example
 * ```ts
 * import { latencyMatrix } from 'geoslo';
 *
 * const rtt = latencyMatrix(['id-jakarta', 'th-bangkok'], ['ap-southeast-1', 'ap-southeast-5'], { network: 'internet' });
 * rtt.data[0 * rtt.cols + 1]; // Jakarta to ap-southeast-5, ms
 * ```
 */
export function latencyMatrix(from: readonly EndpointInput[], to: readonly EndpointInput[], options: LatencyOptions = {}): RttMatrix {
  return publicEntry('latencyMatrix', () => {
    const { world, model, whatIf, quantile } = resolveCall(options);
    const fromEndpoints = resolveEndpoints(world, from, 'from');
    const toEndpoints = resolveEndpoints(world, to, 'to');
    const data = applyQuantile(model.matrix(fromEndpoints, toEndpoints, whatIf), fromEndpoints, toEndpoints, model, quantile);
    return {
      rows: fromEndpoints.length,
      cols: toEndpoints.length,
      data,
      from: fromEndpoints.map((e) => e.label),
      to: toEndpoints.map((e) => e.label),
      network: model.network,
      quantile,
    };
  });
}

/**
 * The modelled route between two endpoints, in the model's terms (its RTT the median); null when
 * what-if cuts leave no route.
 *
 * @param from - a region id, a market id, `[lon, lat]`, a GeoJSON Point or a Point Feature
 * @param to - likewise
 * @param options - network (default 'backbone'), parameters, world and what-if cuts; no quantile
 * @throws {@link InvalidArgumentError} for an unknown id, a malformed point or option, or a `quantile` option
 * @example
 * ```ts
 * import { routeBetween } from 'geoslo';
 *
 * const route = routeBetween('ap-southeast-1', 'eu-central-1');
 * route?.links.map((link) => link.name); // the cables and routes it takes
 * route?.explanation;
 * ```
 */
export function routeBetween(from: EndpointInput, to: EndpointInput, options: Omit<LatencyOptions, 'quantile'> = {}): Route | null {
  return publicEntry('routeBetween', () => {
    if (options !== null && typeof options === 'object' && 'quantile' in options) {
      throw new InvalidArgumentError('options.quantile', 'is not an option of routeBetween (a route has one median RTT); use estimateRtt for a quantile.');
    }
    const { world, model, whatIf } = resolveCall(options);
    return model.route(resolveEndpoint(world, from, 'from'), resolveEndpoint(world, to, 'to'), whatIf);
  });
}

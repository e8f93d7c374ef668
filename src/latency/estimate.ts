// The public latency calls on the bundled world: estimateRtt for one pair, latencyMatrix for many
// (one multi-source kernel pass), routeBetween to see which cables a round trip takes.

import { InvalidArgumentError } from '../errors.js';
import { describe } from '../shortest-path/edge-weight.js';
import { bundledWorld, type World } from '../world/world.js';
import { type EndpointInput, resolveEndpoint, resolveEndpoints } from './endpoints.js';
import { LatencyModel, type Route } from './model.js';
import { type LatencyParameters, resolveParameters } from './parameters.js';
import { resolveWhatIf, type WhatIf } from './what-if.js';

export interface LatencyOptions extends WhatIf {
  /** Parameter overrides; the rest keep their fitted defaults. */
  readonly parameters?: Partial<LatencyParameters>;
  /** The world to model. @default the bundled regions, markets and backbone */
  readonly world?: World;
}

/** Demand x candidate style matrix; `solvePlacement` accepts it as `latencyMs`. */
export interface RttMatrix {
  readonly rows: number;
  readonly cols: number;
  /** data[r * cols + c] = modelled RTT ms from from[r] to to[c]; Infinity when unreachable. */
  readonly data: Float64Array;
  readonly from: string[];
  readonly to: string[];
}

const MAX_CACHED_MODELS = 4;
const models = new Map<string, LatencyModel>();

/** A model per (world, parameters), kept so repeated calls reuse its packed backbones. */
export function modelFor(world: World, parameters: LatencyParameters): LatencyModel {
  const key = JSON.stringify(parameters);
  const cached = models.get(key);
  if (cached && cached.world === world) return cached;
  if (cached) cached.dispose();
  if (models.size >= MAX_CACHED_MODELS) {
    const [oldestKey, oldest] = models.entries().next().value as [string, LatencyModel];
    oldest.dispose();
    models.delete(oldestKey);
  }
  const model = new LatencyModel(world, parameters);
  models.set(key, model);
  return model;
}

function checkOptions(options: unknown, functionName: string): LatencyOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError(functionName, 'options', `must be an object such as { cutCorridors: ["red-sea"] }; got ${describe(options)}.`);
  }
  return options as LatencyOptions;
}

/**
 * Modelled median round-trip ms between two endpoints (ids, `[lon, lat]`, GeoJSON Points).
 * Never below the fibre lower bound; Infinity when what-if cuts leave no route.
 */
export function estimateRtt(from: EndpointInput, to: EndpointInput, options: LatencyOptions = {}): number {
  const functionName = 'estimateRtt';
  const { world = bundledWorld, ...whatIf } = checkOptions(options, functionName);
  const parameters = resolveParameters(options.parameters, functionName);
  const resolved = resolveWhatIf(world, whatIf, functionName);
  const endpoints = [resolveEndpoint(world, from, functionName, 'from'), resolveEndpoint(world, to, functionName, 'to')];
  return modelFor(world, parameters).matrix([endpoints[0]], [endpoints[1]], resolved, functionName, (side) => side)[0];
}

/** RTT ms from every `from` endpoint to every `to` endpoint, in one kernel pass. */
export function latencyMatrix(from: readonly EndpointInput[], to: readonly EndpointInput[], options: LatencyOptions = {}): RttMatrix {
  const functionName = 'latencyMatrix';
  const { world = bundledWorld, ...whatIf } = checkOptions(options, functionName);
  const parameters = resolveParameters(options.parameters, functionName);
  const resolved = resolveWhatIf(world, whatIf, functionName);
  const fromEndpoints = resolveEndpoints(world, from, functionName, 'from');
  const toEndpoints = resolveEndpoints(world, to, functionName, 'to');
  const data = modelFor(world, parameters).matrix(fromEndpoints, toEndpoints, resolved, functionName);
  return {
    rows: fromEndpoints.length,
    cols: toEndpoints.length,
    data,
    from: fromEndpoints.map((e) => e.label),
    to: toEndpoints.map((e) => e.label),
  };
}

/** The modelled route between two endpoints: backbone nodes and named links; null when cut off. */
export function routeBetween(from: EndpointInput, to: EndpointInput, options: LatencyOptions = {}): Route | null {
  const functionName = 'routeBetween';
  const { world = bundledWorld, ...whatIf } = checkOptions(options, functionName);
  const parameters = resolveParameters(options.parameters, functionName);
  const resolved = resolveWhatIf(world, whatIf, functionName);
  return modelFor(world, parameters).route(
    resolveEndpoint(world, from, functionName, 'from'), resolveEndpoint(world, to, functionName, 'to'), resolved, functionName,
  );
}

// The latency models' few physical parameters, per network, and the fitted defaults shipped in
// data/latency-model.json (refit with `npm run calibrate`). Calibration sees each network's
// parameters as one flat list of named numbers, each with the least value it may take.

import latencyModelJson from '../../data/latency-model.json';
import { InvalidArgumentError } from '../errors.js';
import { describe } from '../util/describe.js';
import { CORRIDORS, type Corridor } from '../world/corridors.js';
import { MACRO_REGION_IDS, type MacroRegion } from '../world/macro-regions.js';
import type { Network } from './network.js';

interface PathParameters {
  /** Route km per published km on submarine cables (detours inside landing stations, backhaul). */
  readonly submarineStretch: number;
  /** Route km per modelled km on terrestrial routes. */
  readonly terrestrialStretch: number;
  /** Route km per great-circle km between an endpoint and the backbone node it attaches to. */
  readonly accessStretch: number;
  /** Milliseconds per change of system at a point of presence: routing and regeneration there. */
  readonly hopMs: number;
  /** Milliseconds added to every round trip: hosts and data-centre fabric at both ends. */
  readonly baseMs: number;
}

/** The backbone model's parameters: path stretches and overheads, and a penalty per corridor. */
export interface BackboneParameters extends PathParameters {
  /**
   * Milliseconds added to each cable segment in a corridor: near 0 where the provider carries its
   * traffic, large where it routes around (its figures then detour, as measured ones do).
   */
  readonly corridorPenaltyMs: Readonly<Record<Corridor, number>>;
}

/** The public-internet model's parameters: path stretches and overheads, peering, gateways and regional transit. */
export interface InternetParameters extends PathParameters {
  /** Milliseconds to hand traffic from one network to another at an exchange hub. */
  readonly peeringMs: number;
  /** Milliseconds added on each crossing of a gateway country's border (data/internet.json). */
  readonly gatewayMs: number;
  /**
   * Milliseconds an end pays when its traffic leaves its macro-region to meet the other end's
   * network at an exchange hub elsewhere: the transit beyond the cable path that regions without
   * hubs of their own buy. Ends in an exchange-hub metro pay none.
   */
  readonly regionalTransitMs: Readonly<Record<MacroRegion, number>>;
}

/** Parameters of both networks' models. */
export interface NetworkParameters {
  /** The backbone model's parameters. */
  readonly backbone: BackboneParameters;
  /** The public-internet model's parameters. */
  readonly internet: InternetParameters;
}

/** Either network's parameters. */
export type LatencyParameters = BackboneParameters | InternetParameters;

/** A network's parameters as calibration sees them: scalars and one group of keyed numbers. */
export interface ParameterSpace {
  readonly network: Network;
  /** Flat names: scalars as themselves, group members as `group.key`. */
  readonly names: readonly string[];
  /** The least value of each flat name: stretches at least 1 (0.75 overland), overheads at least 0. */
  readonly minimum: Float64Array;
  flatten(parameters: LatencyParameters): Float64Array;
  expand(values: ArrayLike<number>): LatencyParameters;
}

const PATH_MINIMUM: Readonly<Record<keyof PathParameters, number>> = {
  submarineStretch: 1, terrestrialStretch: 0.75, accessStretch: 1, hopMs: 0, baseMs: 0,
};

function space(network: Network, scalars: Readonly<Record<string, number>>, group: string, keys: readonly string[]): ParameterSpace {
  const scalarNames = Object.keys(scalars);
  const names = [...scalarNames, ...keys.map((key) => `${group}.${key}`)];
  const minimum = Float64Array.from([...scalarNames.map((name) => scalars[name]), ...keys.map(() => 0)]);
  return Object.freeze({
    network,
    names: Object.freeze(names),
    minimum,
    flatten(parameters: LatencyParameters): Float64Array {
      const record = parameters as unknown as Record<string, number & Record<string, number>>;
      return Float64Array.from([...scalarNames.map((name) => record[name]), ...keys.map((key) => record[group][key])]);
    },
    expand(values: ArrayLike<number>): LatencyParameters {
      const record: Record<string, unknown> = {};
      scalarNames.forEach((name, i) => {
        record[name] = values[i];
      });
      record[group] = Object.freeze(Object.fromEntries(keys.map((key, k) => [key, values[scalarNames.length + k]])));
      return Object.freeze(record) as unknown as LatencyParameters;
    },
  });
}

export const PARAMETER_SPACES: Readonly<Record<Network, ParameterSpace>> = Object.freeze({
  backbone: space('backbone', PATH_MINIMUM, 'corridorPenaltyMs', CORRIDORS),
  internet: space('internet', { ...PATH_MINIMUM, peeringMs: 0, gatewayMs: 0 }, 'regionalTransitMs', MACRO_REGION_IDS),
});

function readShipped(network: Network): LatencyParameters {
  const shipped = (latencyModelJson as { networks: Record<Network, { parameters: unknown }> }).networks[network].parameters;
  return resolveAgainst(PARAMETER_SPACES[network], null, shipped, `networks.${network}.parameters`, true);
}

/** The defaults fitted to the bundled calibration measurements, per network. */
export const defaultLatencyParameters: NetworkParameters = Object.freeze({
  backbone: readShipped('backbone') as BackboneParameters,
  internet: readShipped('internet') as InternetParameters,
});

/**
 * Checks `overrides` field by field against the space and merges them onto `base` (or, with
 * `complete`, requires every field). Errors name the field as `field.name` or `field.group.key`.
 */
function resolveAgainst(
  parameterSpace: ParameterSpace, base: LatencyParameters | null, overrides: unknown, field: string, complete = false,
): LatencyParameters {
  const values = base === null ? new Float64Array(parameterSpace.names.length).fill(Number.NaN) : parameterSpace.flatten(base);
  const check = (flatName: string, value: unknown, at: string) => {
    const index = parameterSpace.names.indexOf(flatName);
    const minimum = parameterSpace.minimum[index];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
      throw new InvalidArgumentError(at, `must be a finite number >= ${minimum}; got ${describe(value)}.`);
    }
    values[index] = value;
  };
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new InvalidArgumentError(field, `must be an object with some of ${topLevelNames(parameterSpace).join(', ')}; got ${describe(overrides)}.`);
  }
  for (const [name, value] of Object.entries(overrides)) {
    const groupKeys = parameterSpace.names.filter((flat) => flat.startsWith(`${name}.`));
    if (groupKeys.length > 0) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new InvalidArgumentError(`${field}.${name}`, `must be an object keyed by ${groupKeys.map((k) => k.slice(name.length + 1)).join(', ')}; got ${describe(value)}.`);
      }
      for (const [key, member] of Object.entries(value)) {
        if (!groupKeys.includes(`${name}.${key}`)) {
          throw new InvalidArgumentError(`${field}.${name}.${key}`, `is not a key of ${name}; use one of ${groupKeys.map((k) => k.slice(name.length + 1)).join(', ')}.`);
        }
        check(`${name}.${key}`, member, `${field}.${name}.${key}`);
      }
    } else if (parameterSpace.names.includes(name)) {
      check(name, value, `${field}.${name}`);
    } else {
      throw new InvalidArgumentError(`${field}.${name}`, `is not a ${parameterSpace.network} model parameter; use one of ${topLevelNames(parameterSpace).join(', ')}.`);
    }
  }
  if (complete) {
    const missing = parameterSpace.names.filter((_, i) => Number.isNaN(values[i]));
    if (missing.length > 0) throw new InvalidArgumentError(field, `lacks ${missing.join(', ')}.`);
  }
  return parameterSpace.expand(values);
}

function topLevelNames(parameterSpace: ParameterSpace): string[] {
  return [...new Set(parameterSpace.names.map((name) => name.split('.')[0]))];
}

/** Merges `overrides` onto the network's defaults, checking each field. */
export function resolveParameters(network: Network, overrides: unknown, field = 'options.parameters'): LatencyParameters {
  if (overrides === undefined) return defaultLatencyParameters[network];
  return resolveAgainst(PARAMETER_SPACES[network], defaultLatencyParameters[network], overrides, field);
}

// The latency model's few physical parameters, and the fitted defaults shipped in
// data/latency-model.json (refit with `npm run calibrate`).

import latencyModelJson from '../../data/latency-model.json';
import { InvalidArgumentError } from '../errors.js';

export interface LatencyParameters {
  /** Route km per published km on submarine cables (detours inside landing stations, backhaul). */
  readonly submarineStretch: number;
  /** Route km per modelled km on terrestrial routes. */
  readonly terrestrialStretch: number;
  /** Route km per great-circle km between an endpoint and the backbone node it attaches to. */
  readonly accessStretch: number;
  /** Milliseconds per metro a route passes through: routing and peering at each point of presence. */
  readonly hopMs: number;
  /** Milliseconds added to every round trip: hosts and data-centre fabric at both ends. */
  readonly baseMs: number;
}

export const PARAMETER_NAMES: readonly (keyof LatencyParameters)[] = [
  'submarineStretch', 'terrestrialStretch', 'accessStretch', 'hopMs', 'baseMs',
];

/** Stretches are at least 1 (no route is shorter than its length); overheads at least 0. */
export const PARAMETER_MINIMUM: Readonly<Record<keyof LatencyParameters, number>> = {
  submarineStretch: 1, terrestrialStretch: 0.75, accessStretch: 1, hopMs: 0, baseMs: 0,
};

/** The defaults fitted to the bundled calibration measurements. */
export const defaultLatencyParameters: LatencyParameters = Object.freeze({ ...latencyModelJson.parameters });

/** Merges `overrides` onto the defaults, checking each field. */
export function resolveParameters(overrides: unknown, functionName: string, field = 'options.parameters'): LatencyParameters {
  if (overrides === undefined) return defaultLatencyParameters;
  if (typeof overrides !== 'object' || overrides === null) {
    throw new InvalidArgumentError(functionName, field, `must be an object with some of ${PARAMETER_NAMES.join(', ')}.`);
  }
  const merged: Record<string, number> = { ...defaultLatencyParameters };
  for (const [name, value] of Object.entries(overrides)) {
    if (!PARAMETER_NAMES.includes(name as keyof LatencyParameters)) {
      throw new InvalidArgumentError(functionName, `${field}.${name}`, `is not a model parameter; use one of ${PARAMETER_NAMES.join(', ')}.`);
    }
    const minimum = PARAMETER_MINIMUM[name as keyof LatencyParameters];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
      throw new InvalidArgumentError(functionName, `${field}.${name}`, `must be a finite number >= ${minimum}; got ${String(value)}.`);
    }
    merged[name] = value;
  }
  return Object.freeze(merged) as unknown as LatencyParameters;
}

// `getEdgeWeight` with graphology's semantics: an attribute name (default "weight"; an edge without
// it weighs 1), a function of the edge, or null for unit weights. Unlike graphology, a weight that is
// present but not a finite number >= 0 is an error, not silently 1: latency models must not lie.

import { describe } from '../util/describe.js';
import type { Attributes } from 'graphology-types';
import { InvalidArgumentError } from '../errors.js';

/**
 * Computes an edge's weight from the edge, as graphology's `getEdgeWeight` mappers do. Must
 * return a finite number >= 0 (milliseconds, when the graph models latency).
 */
export type EdgeWeightFunction = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  sourceAttributes: Attributes,
  targetAttributes: Attributes,
  undirected: boolean,
) => number;

/** An attribute name, a function of the edge, or null for unit weights. @default "weight" */
export type EdgeWeightOption = string | EdgeWeightFunction | null;

export type ResolvedEdgeWeight = EdgeWeightFunction;

export function resolveEdgeWeight(option: unknown): ResolvedEdgeWeight {
  if (option === undefined) option = 'weight';
  if (option === null) return () => 1;
  if (typeof option === 'function') return option as EdgeWeightFunction;
  if (typeof option === 'string') {
    const name = option;
    return (_edge, attributes) => {
      const value = attributes[name];
      return value === undefined ? 1 : (value as number);
    };
  }
  throw new InvalidArgumentError(
    'options.getEdgeWeight',
    `must be an attribute name, a function (edge, attributes, source, target) => number, or null for unit weights; got ${describe(option)}.`,
  );
}

export function describeWeightSource(option: unknown): string {
  if (option === undefined) return 'edge attribute "weight"';
  if (typeof option === 'string') return `edge attribute "${option}"`;
  return 'options.getEdgeWeight';
}


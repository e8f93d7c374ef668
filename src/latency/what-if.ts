// What-if options: cut named cables or whole corridors, remove backbone nodes, fail regions. They
// are checked against the world (an unknown name suggests the closest) and reduced to a canonical
// key, so a model packs each distinct cut of the backbone once.

import { InvalidArgumentError } from '../errors.js';
import type { World } from '../world/world.js';
import { didYouMean } from '../world/suggest.js';

export interface WhatIf {
  /** Cable ids or names to cut, e.g. "sea-me-we-6" or "SEA-ME-WE 6". */
  readonly cutCables?: readonly string[];
  /** Corridors to cut whole, e.g. "red-sea", "trans-pacific". */
  readonly cutCorridors?: readonly string[];
  /** Backbone node ids to remove (a landing station or metro out of service). */
  readonly removeNodes?: readonly string[];
  /** Region ids to fail: round trips to or from them become unreachable (Infinity). */
  readonly removeRegions?: readonly string[];
}

export interface ResolvedWhatIf {
  readonly cutCables: ReadonlySet<string>;
  readonly removedNodes: ReadonlySet<string>;
  readonly removedRegions: ReadonlySet<string>;
  /** Identifies the cut backbone (regions excluded: they do not change the graph). */
  readonly backboneKey: string;
}

function listOf(value: unknown, functionName: string, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new InvalidArgumentError(functionName, field, 'must be an array of strings.');
  }
  return value as string[];
}

export function resolveWhatIf(world: World, options: WhatIf, functionName: string, field = 'options'): ResolvedWhatIf {
  const { cables, nodes } = world.backbone;
  const cutCables = new Set<string>();
  listOf(options.cutCables, functionName, `${field}.cutCables`).forEach((name, i) => {
    const cable = cables.find((c) => c.id === name || c.name.toLowerCase() === name.toLowerCase());
    if (!cable) {
      throw new InvalidArgumentError(functionName, `${field}.cutCables[${i}]`, `is "${name}", which is not a cable of the backbone.${didYouMean(name, cables.map((c) => c.id))}`);
    }
    cutCables.add(cable.id);
  });
  const corridors = new Set(cables.flatMap((c) => c.corridors));
  listOf(options.cutCorridors, functionName, `${field}.cutCorridors`).forEach((corridor, i) => {
    if (!corridors.has(corridor)) {
      throw new InvalidArgumentError(functionName, `${field}.cutCorridors[${i}]`, `is "${corridor}", which is not a corridor; use one of ${[...corridors].sort().join(', ')}.`);
    }
    for (const cable of cables) if (cable.corridors.includes(corridor)) cutCables.add(cable.id);
  });
  const nodeIds = new Set(nodes.map((n) => n.id));
  const removedNodes = new Set<string>();
  listOf(options.removeNodes, functionName, `${field}.removeNodes`).forEach((id, i) => {
    if (!nodeIds.has(id)) {
      throw new InvalidArgumentError(functionName, `${field}.removeNodes[${i}]`, `is "${id}", which is not a backbone node.${didYouMean(id, nodeIds)}`);
    }
    removedNodes.add(id);
  });
  const regionIds = world.regions.map((r) => r.id);
  const removedRegions = new Set<string>();
  listOf(options.removeRegions, functionName, `${field}.removeRegions`).forEach((id, i) => {
    if (!regionIds.includes(id)) {
      throw new InvalidArgumentError(functionName, `${field}.removeRegions[${i}]`, `is "${id}", which is not a region id.${didYouMean(id, regionIds)}`);
    }
    removedRegions.add(id);
  });
  const backboneKey = JSON.stringify([[...cutCables].sort(), [...removedNodes].sort()]);
  return { cutCables, removedNodes, removedRegions, backboneKey };
}

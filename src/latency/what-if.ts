// What-if options: cut named cables or whole corridors, remove backbone nodes, fail regions. They
// are checked against the world (an unknown name suggests the closest) and reduced to the set of
// cut links and a canonical key, so a model packs each distinct cut of the backbone once. A cable
// cut removes every segment of the system; a corridor cut removes the segments that pass through
// that corridor, whatever system they belong to, and leaves the systems' other segments in place.

import { InvalidArgumentError } from '../errors.js';
import { CORRIDORS } from '../world/corridors.js';
import type { Backbone, Cable } from '../world/records.js';
import type { World } from '../world/world.js';
import { didYouMean } from '../util/suggest.js';

/**
 * What-if cuts of the world, as options of latency calls and plans. Unknown names are refused with
 * the closest known one.
 */
export interface WhatIf {
  /** Cable ids or names to cut whole, e.g. "sea-me-we-5" or "SEA-ME-WE 5". */
  readonly cutCables?: readonly string[];
  /** Corridors to cut, e.g. "red-sea", "trans-pacific": every cable segment passing through them. */
  readonly cutCorridors?: readonly string[];
  /** Backbone node ids to remove (a landing station or metro out of service). */
  readonly removeNodes?: readonly string[];
  /** Region ids to fail: round trips to or from them become unreachable (Infinity). */
  readonly removeRegions?: readonly string[];
}

export interface ResolvedWhatIf {
  /** Cables cut whole, by id. */
  readonly cutCables: ReadonlySet<string>;
  /** Every backbone link cut: all segments of the cut cables and the segments in the cut corridors. */
  readonly cutLinks: ReadonlySet<string>;
  readonly removedNodes: ReadonlySet<string>;
  readonly removedRegions: ReadonlySet<string>;
  /** Identifies the cut backbone (regions excluded: they do not change the graph). */
  readonly backboneKey: string;
}

interface LinkIndex {
  /** Link ids of each cable's segments. */
  readonly byCable: ReadonlyMap<string, readonly string[]>;
  /** Link ids of the segments passing through each corridor. */
  readonly byCorridor: ReadonlyMap<string, readonly string[]>;
}

const linkIndexes = new WeakMap<Backbone, LinkIndex>();

function linkIndexOf(backbone: Backbone): LinkIndex {
  let index = linkIndexes.get(backbone);
  if (!index) {
    const byCable = new Map<string, string[]>();
    const byCorridor = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string, id: string) => {
      const ids = map.get(key);
      if (ids) ids.push(id);
      else map.set(key, [id]);
    };
    for (const link of backbone.links) {
      if (link.cable !== null) add(byCable, link.cable, link.id);
      for (const corridor of link.corridors) add(byCorridor, corridor, link.id);
    }
    index = { byCable, byCorridor };
    linkIndexes.set(backbone, index);
  }
  return index;
}

/**
 * What a user may call a cable, lower-cased: its id, its name, the name without its parenthesis,
 * and the short form in the parenthesis ("South-East Asia Japan Cable (SJC)": also "sjc").
 */
function cableNames(cable: Cable): string[] {
  const names = [cable.id, cable.name];
  const parenthesis = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(cable.name);
  if (parenthesis) names.push(parenthesis[1], parenthesis[2]);
  return names.map((name) => name.toLowerCase());
}

function listOf(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new InvalidArgumentError(field, 'must be an array of strings.');
  }
  return value as string[];
}

/**
 * The same cut always gives the same key, however it was asked for: a cable whose every segment is
 * cut is named by its id, any other cut link by its own id, each list sorted.
 */
function canonicalKey(cutLinks: ReadonlySet<string>, removedNodes: ReadonlySet<string>, index: LinkIndex): string {
  const parts: string[] = [];
  const covered = new Set<string>();
  for (const [cable, linkIds] of index.byCable) {
    if (linkIds.every((id) => cutLinks.has(id))) {
      parts.push(cable);
      linkIds.forEach((id) => covered.add(id));
    }
  }
  for (const id of cutLinks) if (!covered.has(id)) parts.push(id);
  return JSON.stringify([parts.sort(), [...removedNodes].sort()]);
}

export function resolveWhatIf(world: World, options: WhatIf, field = 'options'): ResolvedWhatIf {
  const { cables, nodes } = world.backbone;
  const index = linkIndexOf(world.backbone);
  const cutCables = new Set<string>();
  const cutLinks = new Set<string>();
  listOf(options.cutCables, `${field}.cutCables`).forEach((name, i) => {
    const cable = cables.find((c) => cableNames(c).includes(name.trim().toLowerCase()));
    if (!cable) {
      throw new InvalidArgumentError(`${field}.cutCables[${i}]`, `is "${name}", which is not a cable of the backbone.${didYouMean(name, cables.map((c) => c.id))} geoslo cables lists them.`);
    }
    cutCables.add(cable.id);
    for (const id of index.byCable.get(cable.id) ?? []) cutLinks.add(id);
  });
  listOf(options.cutCorridors, `${field}.cutCorridors`).forEach((corridor, i) => {
    if (!(CORRIDORS as readonly string[]).includes(corridor)) {
      throw new InvalidArgumentError(`${field}.cutCorridors[${i}]`, `is "${corridor}", which is not a corridor.${didYouMean(corridor, CORRIDORS)} Use one of ${[...CORRIDORS].sort().join(', ')}.`);
    }
    for (const id of index.byCorridor.get(corridor) ?? []) cutLinks.add(id);
  });
  const nodeIds = new Set(nodes.map((n) => n.id));
  const removedNodes = new Set<string>();
  listOf(options.removeNodes, `${field}.removeNodes`).forEach((id, i) => {
    if (!nodeIds.has(id)) {
      throw new InvalidArgumentError(`${field}.removeNodes[${i}]`, `is "${id}", which is not a backbone node.${didYouMean(id, nodeIds)}`);
    }
    removedNodes.add(id);
  });
  const regionIds = world.regions.map((r) => r.id);
  const removedRegions = new Set<string>();
  listOf(options.removeRegions, `${field}.removeRegions`).forEach((id, i) => {
    if (!regionIds.includes(id)) {
      throw new InvalidArgumentError(`${field}.removeRegions[${i}]`, `is "${id}", which is not a region id.${didYouMean(id, regionIds)}`);
    }
    removedRegions.add(id);
  });
  const backboneKey = canonicalKey(cutLinks, removedNodes, index);
  return { cutCables, cutLinks, removedNodes, removedRegions, backboneKey };
}

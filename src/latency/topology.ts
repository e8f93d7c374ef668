// What a latency model needs that does not depend on its parameters: the routing graph over the
// backbone (one per way of grouping terrestrial systems) and each point's nearest backbone nodes.
// Built once per world and shared by every model on it.

import type Graph from 'graphology';
import type { LonLat } from '../geo/coordinates.js';
import { greatCircleKm } from '../geo/great-circle.js';
import type { BackboneNode } from '../world/records.js';
import type { World } from '../world/world.js';
import { routingGraph, type TerrestrialSystems } from './routing-graph.js';

/** Backbone nodes an endpoint attaches to: the path may leave through any of them. */
export const ATTACHMENTS_PER_ENDPOINT = 3;
const NEAREST_CACHE_ENTRIES = 20_000;

export interface NearNode {
  /** Backbone node index (= hub index in the routing graph). */
  readonly index: number;
  readonly km: number;
}

export class BackboneTopology {
  readonly graph: Graph;
  readonly nodes: readonly BackboneNode[];
  /** Routing-graph node keys by index: hubs (backbone node ids) first, then ports. */
  readonly keys: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  private readonly nearestCache = new Map<string, readonly NearNode[]>();

  constructor(readonly world: World, terrestrial: TerrestrialSystems) {
    this.graph = routingGraph(world.backbone, terrestrial);
    this.nodes = world.backbone.nodes;
    this.keys = this.graph.nodes();
    this.nodeIndex = new Map(this.nodes.map((node, index) => [node.id, index]));
  }

  /** The nearest backbone nodes to a point, nearest first, leaving out removed ones. */
  nearestNodes(coordinates: LonLat, removedNodes: ReadonlySet<string>, removedKey: string): readonly NearNode[] {
    const key = `${coordinates[0]},${coordinates[1]}|${removedKey}`;
    const cached = this.nearestCache.get(key);
    if (cached) return cached;
    const nearest: NearNode[] = [];
    this.nodes.forEach((node, index) => {
      if (!removedNodes.has(node.id)) nearest.push({ index, km: greatCircleKm(coordinates, node.coordinates) });
    });
    nearest.sort((a, b) => a.km - b.km || a.index - b.index);
    const chosen = nearest.slice(0, ATTACHMENTS_PER_ENDPOINT);
    if (this.nearestCache.size >= NEAREST_CACHE_ENTRIES) this.nearestCache.clear();
    this.nearestCache.set(key, chosen);
    return chosen;
  }
}

const topologies = new WeakMap<World, Map<TerrestrialSystems, BackboneTopology>>();

export function topologyOf(world: World, terrestrial: TerrestrialSystems): BackboneTopology {
  let byMode = topologies.get(world);
  if (!byMode) {
    byMode = new Map();
    topologies.set(world, byMode);
  }
  let topology = byMode.get(terrestrial);
  if (!topology) {
    topology = new BackboneTopology(world, terrestrial);
    byMode.set(terrestrial, topology);
  }
  return topology;
}

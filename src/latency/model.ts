// The latency model: an endpoint attaches to its nearest backbone nodes at an access cost, the
// kernel finds shortest paths over the backbone whose links cost fibre delay per km times a
// stretch per link kind plus a per-hop overhead, and RTT = base + access + path + access, never
// below the fibre lower bound. Each distinct what-if cut of the backbone is packed once.

import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { InvalidArgumentError } from '../errors.js';
import type { LonLat } from '../geo/coordinates.js';
import { FIBRE_RTT_MS_PER_KM, fibreLowerBoundMs, greatCircleKm } from '../geo/great-circle.js';
import type { DijkstraRunsRequest } from '../kernel/csr.js';
import { type PackedGraph, packGraph } from '../kernel/packed-graph.js';
import { packGraphology } from '../shortest-path/pack-graphology.js';
import type { BackboneLink, BackboneNode } from '../world/records.js';
import { type RoutingEdge, routingGraph } from './routing-graph.js';
import type { World } from '../world/world.js';
import type { Endpoint } from './endpoints.js';
import type { LatencyParameters } from './parameters.js';
import type { ResolvedWhatIf } from './what-if.js';

/** Backbone nodes an endpoint attaches to: the path may leave through any of them. */
const ATTACHMENTS_PER_ENDPOINT = 3;
/** Farther than this from every backbone node, a point is outside the modelled network. */
export const MAX_ACCESS_KM = 2_500;
const CACHED_CUTS = 16;
const NEAREST_CACHE_ENTRIES = 20_000;

interface Attachment {
  readonly nodes: Int32Array;
  readonly accessMs: Float64Array;
}

interface PackedCut {
  readonly packed: PackedGraph;
}

interface NearNode {
  readonly index: number;
  readonly km: number;
}

export interface RouteLink {
  readonly id: string;
  readonly kind: BackboneLink['kind'];
  readonly name: string;
  readonly cable: string | null;
  readonly from: string;
  readonly to: string;
}

/** How a modelled round trip runs: endpoint, backbone nodes in order, the links between them. */
export interface Route {
  readonly rttMs: number;
  readonly nodes: readonly string[];
  readonly links: readonly RouteLink[];
  /** Great-circle km from each endpoint to the backbone node it enters or leaves by. */
  readonly accessKm: readonly [number, number];
}

/** What does not depend on parameters: the backbone graph and each point's nearest nodes. */
export class BackboneTopology {
  readonly graph: Graph;
  readonly nodes: readonly BackboneNode[];
  private readonly nearestCache = new Map<string, readonly NearNode[]>();

  /** Routing-graph node keys by index: hubs (backbone node ids) first, then ports. */
  readonly keys: readonly string[];

  constructor(readonly world: World) {
    this.graph = routingGraph(world.backbone);
    this.nodes = world.backbone.nodes;
    this.keys = this.graph.nodes();
  }

  /** The nearest backbone nodes to a point (graph order indices), nearest first. */
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

const topologies = new WeakMap<World, BackboneTopology>();

export function topologyOf(world: World): BackboneTopology {
  let topology = topologies.get(world);
  if (!topology) {
    topology = new BackboneTopology(world);
    topologies.set(world, topology);
  }
  return topology;
}

export class LatencyModel {
  readonly world: World;
  readonly parameters: LatencyParameters;
  private readonly graph: Graph;
  private readonly nodes: readonly BackboneNode[];
  private readonly topology: BackboneTopology;
  private readonly packedCuts = new Map<string, PackedCut>();

  constructor(world: World, parameters: LatencyParameters) {
    this.world = world;
    this.parameters = parameters;
    this.topology = topologyOf(world);
    this.graph = this.topology.graph;
    this.nodes = this.topology.nodes;
  }

  /** Round-trip ms from each `from` to each `to`, row-major; Infinity where no route remains. */
  matrix(
    from: readonly Endpoint[], to: readonly Endpoint[], whatIf: ResolvedWhatIf, functionName: string,
    fieldOf: (side: 'from' | 'to', index: number) => string = (side, index) => `${side}[${index}]`,
  ): Float64Array {
    const { packed } = this.packedCut(whatIf, functionName);
    const fromAttachments = from.map((endpoint, i) => this.attach(endpoint, whatIf, functionName, fieldOf('from', i)));
    const toAttachments = to.map((endpoint, i) => this.attach(endpoint, whatIf, functionName, fieldOf('to', i)));
    const targetColumn = new Map<number, number>();
    for (const attachment of toAttachments) {
      for (const node of attachment.nodes) if (!targetColumn.has(node)) targetColumn.set(node, targetColumn.size);
    }
    const targetNodes = Int32Array.from(targetColumn.keys());
    const { distancesMs } = packed.runDijkstra(seededRuns(fromAttachments, targetNodes), functionName);

    const rttMs = new Float64Array(from.length * to.length);
    const columns = targetNodes.length;
    for (let f = 0; f < from.length; f++) {
      for (let t = 0; t < to.length; t++) {
        const cell = f * to.length + t;
        if (this.isRemoved(from[f], whatIf) || this.isRemoved(to[t], whatIf)) {
          rttMs[cell] = Infinity;
          continue;
        }
        const { nodes, accessMs } = toAttachments[t];
        let best = Infinity;
        for (let j = 0; j < nodes.length; j++) {
          const viaNode = distancesMs[f * columns + (targetColumn.get(nodes[j]) as number)] + accessMs[j];
          if (viaNode < best) best = viaNode;
        }
        rttMs[cell] = Math.max(this.parameters.baseMs + best, fibreLowerBoundMs(from[f].coordinates, to[t].coordinates));
      }
    }
    return rttMs;
  }

  /** The modelled route between two endpoints, link by link. */
  route(from: Endpoint, to: Endpoint, whatIf: ResolvedWhatIf, functionName: string): Route | null {
    const { packed } = this.packedCut(whatIf, functionName);
    if (this.isRemoved(from, whatIf) || this.isRemoved(to, whatIf)) return null;
    const fromAttachment = this.attach(from, whatIf, functionName, 'from');
    const toAttachment = this.attach(to, whatIf, functionName, 'to');
    const request = { ...seededRuns([fromAttachment], null), withPredecessors: true };
    const { distancesMs, predecessors } = packed.runDijkstra(request, functionName);
    let exit = -1;
    let best = Infinity;
    toAttachment.nodes.forEach((node, j) => {
      const total = distancesMs[node] + toAttachment.accessMs[j];
      if (total < best) {
        best = total;
        exit = node;
      }
    });
    if (exit === -1) return null;
    const keys: string[] = [];
    for (let v = exit; v !== -1; v = (predecessors as Int32Array)[v]) keys.push(this.topology.keys[v]);
    keys.reverse();
    const links: RouteLink[] = [];
    for (let k = 1; k < keys.length; k++) {
      const link = this.linkBetween(keys[k - 1], keys[k], whatIf);
      if (link) links.push(link);
    }
    const nodeIds = [keys[0]];
    for (const link of links) nodeIds.push(link.to);
    return {
      rttMs: Math.max(this.parameters.baseMs + best, fibreLowerBoundMs(from.coordinates, to.coordinates)),
      nodes: nodeIds,
      links,
      accessKm: [
        greatCircleKm(from.coordinates, this.nodes[this.nodeIndex(keys[0])].coordinates),
        greatCircleKm(to.coordinates, this.nodes[exit].coordinates),
      ],
    };
  }

  /** Frees the packed backbones held in WebAssembly memory. */
  dispose(): void {
    for (const { packed } of this.packedCuts.values()) packed.dispose();
    this.packedCuts.clear();
  }

  private isRemoved(endpoint: Endpoint, whatIf: ResolvedWhatIf): boolean {
    return endpoint.regionId !== null && whatIf.removedRegions.has(endpoint.regionId);
  }

  /** Fibre delay for a link; half a hop for each hub-port transition (see routing-graph.ts). */
  private edgeWeightMs(attributes: Attributes): number {
    const edge = attributes as RoutingEdge;
    if (edge.kind === 'transition') return this.parameters.hopMs / 2;
    const stretch = edge.kind === 'submarine' ? this.parameters.submarineStretch : this.parameters.terrestrialStretch;
    return edge.lengthKm * stretch * FIBRE_RTT_MS_PER_KM;
  }

  private isCut(attributes: Attributes, whatIf: ResolvedWhatIf): boolean {
    const edge = attributes as RoutingEdge;
    return (edge.kind !== 'transition' && whatIf.cutLinks.has(edge.id)) || whatIf.removedNodes.has(edge.from) || whatIf.removedNodes.has(edge.to);
  }

  private packedCut(whatIf: ResolvedWhatIf, functionName: string): PackedCut {
    const cached = this.packedCuts.get(whatIf.backboneKey);
    if (cached) {
      // Refresh its place: the map's order is least recently used first.
      this.packedCuts.delete(whatIf.backboneKey);
      this.packedCuts.set(whatIf.backboneKey, cached);
      return cached;
    }
    const { csr } = packGraphology(
      this.graph,
      (_edge: string, attributes: Attributes) => this.edgeWeightMs(attributes),
      functionName,
      (_edge, attributes) => !this.isCut(attributes, whatIf),
    );
    const packedCut = { packed: packGraph(csr, 'wasm', functionName) };
    if (this.packedCuts.size >= CACHED_CUTS) {
      const [oldestKey, oldest] = this.packedCuts.entries().next().value as [string, PackedCut];
      oldest.packed.dispose();
      this.packedCuts.delete(oldestKey);
    }
    this.packedCuts.set(whatIf.backboneKey, packedCut);
    return packedCut;
  }

  private attach(endpoint: Endpoint, whatIf: ResolvedWhatIf, functionName: string, field: string): Attachment {
    const nearest = this.topology.nearestNodes(endpoint.coordinates, whatIf.removedNodes, whatIf.backboneKey);
    const chosen = nearest.filter((candidate) => candidate.km <= MAX_ACCESS_KM);
    if (chosen.length === 0) {
      const closest = nearest[0];
      throw new InvalidArgumentError(
        functionName, field,
        `(${endpoint.label}) is ${closest ? `${Math.round(closest.km)} km from the nearest backbone node` : 'not near any backbone node'}; ` +
          `the model reaches points within ${MAX_ACCESS_KM} km of its backbone (check the [lon, lat] order, or add a node to the backbone).`,
      );
    }
    return {
      nodes: Int32Array.from(chosen, (c) => c.index),
      accessMs: Float64Array.from(chosen, (c) => c.km * this.parameters.accessStretch * FIBRE_RTT_MS_PER_KM),
    };
  }

  private nodeIndex(hub: string): number {
    return this.nodes.findIndex((node) => node.id === hub);
  }

  /** The lightest uncut link between two ports, oriented along the route; null for a transition. */
  private linkBetween(fromKey: string, toKey: string, whatIf: ResolvedWhatIf): RouteLink | null {
    let best: RouteLink | null = null;
    let bestMs = Infinity;
    this.graph.forEachEdge(fromKey, toKey, (_edge, attributes) => {
      const edge = attributes as RoutingEdge;
      if (edge.kind === 'transition' || this.isCut(attributes, whatIf)) return;
      const weightMs = this.edgeWeightMs(attributes);
      if (weightMs < bestMs) {
        bestMs = weightMs;
        const fromNode = this.graph.getNodeAttribute(fromKey, 'node') as string;
        const toNode = this.graph.getNodeAttribute(toKey, 'node') as string;
        best = { id: edge.id, kind: edge.kind, name: edge.name, cable: edge.cable, from: fromNode, to: toNode };
      }
    });
    return best;
  }
}

/** One run per endpoint, seeded at its attachment nodes with their access costs. */
function seededRuns(attachments: readonly Attachment[], targetNodes: Int32Array | null): DijkstraRunsRequest {
  const runStarts = new Int32Array(attachments.length + 1);
  attachments.forEach((attachment, i) => {
    runStarts[i + 1] = runStarts[i] + attachment.nodes.length;
  });
  const seedNodes = new Int32Array(runStarts[attachments.length]);
  const seedDistancesMs = new Float64Array(seedNodes.length);
  attachments.forEach((attachment, i) => {
    seedNodes.set(attachment.nodes, runStarts[i]);
    seedDistancesMs.set(attachment.accessMs, runStarts[i]);
  });
  return { runStarts, seedNodes, seedDistancesMs, targetNodes, withPredecessors: false };
}

// What both latency models share: an endpoint attaches to its nearest backbone nodes at an access
// cost, the kernel finds shortest paths over the routing graph whose links cost fibre delay per km
// times a stretch (plus what each network adds), and every RTT is at least the fibre lower bound.
// Each distinct what-if cut of the backbone is packed into kernel memory once.

import type { Attributes } from 'graphology-types';
import { InvalidArgumentError } from '../errors.js';
import { FIBRE_RTT_MS_PER_KM, greatCircleKm } from '../geo/great-circle.js';
import type { DijkstraRunsRequest } from '../kernel/csr.js';
import { type PackedGraph, packGraph } from '../kernel/packed-graph.js';
import { packGraphology } from '../shortest-path/pack-graphology.js';
import type { BackboneLink } from '../world/records.js';
import type { World } from '../world/world.js';
import type { Endpoint } from './endpoints.js';
import type { Network } from './network.js';
import type { LatencyParameters } from './parameters.js';
import type { RoutingEdge, TerrestrialSystems } from './routing-graph.js';
import { type BackboneTopology, topologyOf } from './topology.js';
import type { ResolvedWhatIf } from './what-if.js';

/** Farther than this from every backbone node, a point is outside the modelled network. */
export const MAX_ACCESS_KM = 2_500;
const CACHED_CUTS = 16;
const NO_NODES: ReadonlySet<string> = new Set();

export interface Attachment {
  /** Backbone node indices (= routing-graph hub indices). */
  readonly nodes: Int32Array;
  readonly accessMs: Float64Array;
}

/** A matrix's ends and where each attaches to the backbone. */
export interface Ends {
  readonly from: readonly Endpoint[];
  readonly to: readonly Endpoint[];
  readonly fromAttachments: readonly Attachment[];
  readonly toAttachments: readonly Attachment[];
}

/** One backbone link a route takes. */
export interface RouteLink {
  /** The backbone link id. */
  readonly id: string;
  /** Submarine cable segment or terrestrial route. */
  readonly kind: BackboneLink['kind'];
  /** The cable's name, or the route id for a terrestrial route. */
  readonly name: string;
  /** The cable id for a submarine link, null for a terrestrial one. */
  readonly cable: string | null;
  /** Backbone node id the route enters the link by. */
  readonly from: string;
  /** Backbone node id the route leaves the link by. */
  readonly to: string;
}

/** How a modelled round trip runs, in the model's own terms. */
export interface Route {
  /** The network the round trip takes. */
  readonly network: Network;
  /** The modelled median RTT. */
  readonly rttMs: number;
  /** Backbone nodes in order, from the `from` side to the `to` side. */
  readonly nodes: readonly string[];
  /** The backbone links between consecutive nodes, in order. */
  readonly links: readonly RouteLink[];
  /** Great-circle km from each endpoint to the backbone node it enters or leaves by. */
  readonly accessKm: readonly [number, number];
  /** Internet: the exchange hub where the two ends' networks meet; null when the route stays in one country or on the backbone. */
  readonly exchangeHub: string | null;
  /** Internet: gateway countries whose border the route crosses (each adds the gateway delay). */
  readonly gatewayCountries: readonly string[];
  /** Internet: ms added for the regional transit of the ends (0 on the backbone). */
  readonly regionalTransitMs: number;
  /** One or two sentences that say how the route runs and what its figure includes. */
  readonly explanation: string;
}

export abstract class LatencyModel {
  abstract readonly network: Network;
  readonly world: World;
  readonly parameters: LatencyParameters;
  protected readonly topology: BackboneTopology;
  private readonly packedCuts = new Map<string, PackedGraph>();

  constructor(world: World, parameters: LatencyParameters, terrestrial: TerrestrialSystems) {
    this.world = world;
    this.parameters = parameters;
    this.topology = topologyOf(world, terrestrial);
  }

  /** Round-trip ms from each `from` to each `to`, row-major; Infinity where no route remains. */
  matrix(
    from: readonly Endpoint[], to: readonly Endpoint[], whatIf: ResolvedWhatIf,
    fieldOf: (side: 'from' | 'to', index: number) => string = (side, index) => `${side}[${index}]`,
  ): Float64Array {
    const packed = this.packedCut(whatIf);
    const ends: Ends = {
      from,
      to,
      fromAttachments: from.map((endpoint, i) => this.attach(endpoint, whatIf, fieldOf('from', i))),
      toAttachments: to.map((endpoint, i) => this.attach(endpoint, whatIf, fieldOf('to', i))),
    };
    return this.rttMatrix(packed, ends, whatIf);
  }

  /** The matrix over attached ends, on the packed backbone of the what-if's cut. */
  protected abstract rttMatrix(packed: PackedGraph, ends: Ends, whatIf: ResolvedWhatIf): Float64Array;

  /** The modelled route between two endpoints, link by link; null when cut off. */
  abstract route(from: Endpoint, to: Endpoint, whatIf: ResolvedWhatIf): Route | null;

  /** Milliseconds for crossing one routing-graph edge, links and transitions alike. */
  protected abstract edgeWeightMs(edge: RoutingEdge): number;

  /** Frees the packed backbones held in WebAssembly memory. */
  dispose(): void {
    for (const packed of this.packedCuts.values()) packed.dispose();
    this.packedCuts.clear();
  }

  /** An end's country: the one it was given with, else its nearest backbone node's. */
  countryOfEnd(endpoint: Endpoint): string {
    return endpoint.country ?? this.topology.nodes[this.topology.nearestNodes(endpoint.coordinates, NO_NODES, '')[0].index].country;
  }

  protected isRemoved(endpoint: Endpoint, whatIf: ResolvedWhatIf): boolean {
    return endpoint.regionId !== null && whatIf.removedRegions.has(endpoint.regionId);
  }

  /** Fibre delay over a link's length at a stretch. */
  protected fibreMs(lengthKm: number, stretch: number): number {
    return lengthKm * stretch * FIBRE_RTT_MS_PER_KM;
  }

  protected isCut(edge: RoutingEdge, whatIf: ResolvedWhatIf): boolean {
    return (edge.kind !== 'transition' && whatIf.cutLinks.has(edge.id)) || whatIf.removedNodes.has(edge.from) || whatIf.removedNodes.has(edge.to);
  }

  protected packedCut(whatIf: ResolvedWhatIf): PackedGraph {
    const cached = this.packedCuts.get(whatIf.backboneKey);
    if (cached) {
      // Refresh its place: the map's order is least recently used first.
      this.packedCuts.delete(whatIf.backboneKey);
      this.packedCuts.set(whatIf.backboneKey, cached);
      return cached;
    }
    const { csr } = packGraphology(
      this.topology.graph,
      (_edge: string, attributes: Attributes) => this.edgeWeightMs(attributes as RoutingEdge),
      (_edge, attributes) => !this.isCut(attributes as RoutingEdge, whatIf),
    );
    const packed = packGraph(csr, 'wasm');
    if (this.packedCuts.size >= CACHED_CUTS) {
      const [oldestKey, oldest] = this.packedCuts.entries().next().value as [string, PackedGraph];
      oldest.dispose();
      this.packedCuts.delete(oldestKey);
    }
    this.packedCuts.set(whatIf.backboneKey, packed);
    return packed;
  }

  protected attach(endpoint: Endpoint, whatIf: ResolvedWhatIf, field: string): Attachment {
    const nearest = this.topology.nearestNodes(endpoint.coordinates, whatIf.removedNodes, whatIf.backboneKey);
    const chosen = nearest.filter((candidate) => candidate.km <= MAX_ACCESS_KM);
    if (chosen.length === 0) {
      const closest = nearest[0];
      throw new InvalidArgumentError(
        field,
        `(${endpoint.label}) is ${closest ? `${Math.round(closest.km)} km from the nearest backbone node` : 'not near any backbone node'}; ` +
          `the model reaches points within ${MAX_ACCESS_KM} km of its backbone (check the [lon, lat] order, or add a node to the backbone).`,
      );
    }
    return {
      nodes: Int32Array.from(chosen, (c) => c.index),
      accessMs: Float64Array.from(chosen, (c) => this.fibreMs(c.km, this.parameters.accessStretch)),
    };
  }

  /**
   * One Dijkstra run seeded at an endpoint's attachments, with predecessors; returns the routing-
   * graph keys of the shortest path to `target` (a hub index), first key at the endpoint's side.
   */
  protected pathTo(packed: PackedGraph, attachment: Attachment, target: number): string[] {
    const request = { ...seededRuns([attachment], null), withPredecessors: true };
    const { predecessors } = packed.runDijkstra(request);
    const keys: string[] = [];
    for (let v = target; v !== -1; v = (predecessors as Int32Array)[v]) keys.push(this.topology.keys[v]);
    return keys.reverse();
  }

  /** The links along a path of routing-graph keys, oriented along it; transitions are skipped. */
  protected linksAlong(keys: readonly string[], whatIf: ResolvedWhatIf): RouteLink[] {
    const links: RouteLink[] = [];
    for (let k = 1; k < keys.length; k++) {
      const link = this.linkBetween(keys[k - 1], keys[k], whatIf);
      if (link) links.push(link);
    }
    return links;
  }

  /** Backbone node ids along a path: its first hub, then each link's far end. */
  protected nodesAlong(firstKey: string, links: readonly RouteLink[]): string[] {
    return [this.topology.graph.getNodeAttribute(firstKey, 'node') as string, ...links.map((link) => link.to)];
  }

  protected accessKm(endpoint: Endpoint, nodeId: string): number {
    return greatCircleKm(endpoint.coordinates, this.topology.nodes[this.topology.nodeIndex.get(nodeId) as number].coordinates);
  }

  /** The lightest uncut link between two ports, oriented along the route; null for a transition. */
  private linkBetween(fromKey: string, toKey: string, whatIf: ResolvedWhatIf): RouteLink | null {
    let best: RouteLink | null = null;
    let bestMs = Infinity;
    const graph = this.topology.graph;
    graph.forEachEdge(fromKey, toKey, (_edge, attributes) => {
      const edge = attributes as RoutingEdge;
      if (edge.kind === 'transition' || this.isCut(edge, whatIf)) return;
      const weightMs = this.edgeWeightMs(edge);
      if (weightMs < bestMs) {
        bestMs = weightMs;
        const fromNode = graph.getNodeAttribute(fromKey, 'node') as string;
        const toNode = graph.getNodeAttribute(toKey, 'node') as string;
        best = { id: edge.id, kind: edge.kind, name: edge.name, cable: edge.cable, from: fromNode, to: toNode };
      }
    });
    return best;
  }
}

/** One run per endpoint, seeded at its attachment nodes with their access costs. */
export function seededRuns(attachments: readonly Attachment[], targetNodes: Int32Array | null): DijkstraRunsRequest {
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

/** Columns for a set of target nodes: each distinct node once, in first-seen order. */
export function targetColumns(attachments: readonly Attachment[]): { nodes: Int32Array; column: Map<number, number> } {
  const column = new Map<number, number>();
  for (const attachment of attachments) {
    for (const node of attachment.nodes) if (!column.has(node)) column.set(node, column.size);
  }
  return { nodes: Int32Array.from(column.keys()), column };
}

/** The least of `distances[row * columns + column(node)] + accessMs` over an attachment. */
export function leastViaAttachment(
  distancesMs: Float64Array, row: number, columns: number, column: ReadonlyMap<number, number>, attachment: Attachment,
): { ms: number; node: number } {
  let ms = Infinity;
  let node = -1;
  for (let j = 0; j < attachment.nodes.length; j++) {
    const viaNode = distancesMs[row * columns + (column.get(attachment.nodes[j]) as number)] + attachment.accessMs[j];
    if (viaNode < ms) {
      ms = viaNode;
      node = attachment.nodes[j];
    }
  }
  return { ms, node };
}

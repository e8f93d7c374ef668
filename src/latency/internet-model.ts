// The public-internet model: how a user's traffic reaches a site. Two ends in one country may take
// the direct path over that country's networks; ends in different countries reach each other only
// where their networks meet, at an exchange hub (data/internet.json), so neighbours without a
// shared hub detour to a distant one, as measured internet paths do. An end whose traffic leaves
// its macro-region to meet pays that region's fitted transit delay; each crossing of a gateway
// country's border adds the gateway delay. Hop by hop the path costs as on the backbone, with each
// country's terrestrial network its own system. RTT is never below the fibre lower bound.

import { fibreLowerBoundMs, greatCircleKm } from '../geo/great-circle.js';
import { type MacroRegion, macroRegionOf } from '../world/macro-regions.js';
import type { World } from '../world/world.js';
import type { Endpoint } from './endpoints.js';
import type { PackedGraph } from '../kernel/packed-graph.js';
import { type Attachment, type Ends, leastViaAttachment, LatencyModel, type Route, type RouteLink, seededRuns, targetColumns } from './model.js';
import type { InternetParameters } from './parameters.js';
import type { RoutingEdge } from './routing-graph.js';
import type { ResolvedWhatIf } from './what-if.js';

/** An end this close to an exchange hub's metro is in it: it pays no regional transit. */
export const HUB_METRO_KM = 100;

interface Hub {
  /** Backbone node index. */
  readonly index: number;
  readonly id: string;
  readonly macroRegion: MacroRegion;
}

/** What the model needs to know of an end beyond its attachment. */
interface EndInfo {
  readonly country: string;
  readonly macroRegion: MacroRegion;
  readonly inHubMetro: boolean;
}

/** How one pair is best served: directly inside one country, or meeting at a hub. */
interface PairChoice {
  readonly ms: number;
  /** Hub position in `hubs`, or -1 for the direct path. */
  readonly hub: number;
  readonly transitMs: number;
}

export class InternetModel extends LatencyModel {
  readonly network = 'internet';
  declare readonly parameters: InternetParameters;
  private readonly gatewayCountries: ReadonlySet<string>;

  constructor(world: World, parameters: InternetParameters) {
    super(world, parameters, 'per-country');
    this.gatewayCountries = new Set(world.internet.gatewayCountries.map((gateway) => gateway.country));
  }

  protected rttMatrix(packed: PackedGraph, { from, to, fromAttachments, toAttachments }: Ends, whatIf: ResolvedWhatIf): Float64Array {
    const fromInfo = from.map((endpoint, i) => this.endInfo(endpoint, fromAttachments[i]));
    const toInfo = to.map((endpoint, i) => this.endInfo(endpoint, toAttachments[i]));
    const hubs = this.hubs(whatIf);
    // Direct paths are wanted only from ends that share a country with some `to` end.
    const toCountries = new Set(toInfo.map((info) => info.country));
    const directRows = from.map((_, f) => (toCountries.has(fromInfo[f].country) ? f : -1));
    const directFrom = directRows.filter((f) => f !== -1);
    const directRow = new Map(directFrom.map((f, row) => [f, hubs.length + row]));

    // One kernel pass: a run from every hub, then one from each end that may go direct.
    const targets = targetColumns([...fromAttachments, ...toAttachments]);
    const hubRuns: Attachment[] = hubs.map((hub) => ({ nodes: Int32Array.of(hub.index), accessMs: Float64Array.of(0) }));
    const runs = seededRuns([...hubRuns, ...directFrom.map((f) => fromAttachments[f])], targets.nodes);
    const { distancesMs } = packed.runDijkstra(runs);
    const columns = targets.nodes.length;

    const legsFrom = fromAttachments.map((attachment, f) => this.legsToHubs(distancesMs, columns, targets.column, attachment, fromInfo[f], hubs));
    const legsTo = toAttachments.map((attachment, t) => this.legsToHubs(distancesMs, columns, targets.column, attachment, toInfo[t], hubs));
    const rttMs = new Float64Array(from.length * to.length);
    for (let f = 0; f < from.length; f++) {
      for (let t = 0; t < to.length; t++) {
        if (this.isRemoved(from[f], whatIf) || this.isRemoved(to[t], whatIf)) {
          rttMs[f * to.length + t] = Infinity;
          continue;
        }
        const row = fromInfo[f].country === toInfo[t].country ? (directRow.get(f) as number) : -1;
        const directMs = row === -1 ? Infinity : leastViaAttachment(distancesMs, row, columns, targets.column, toAttachments[t]).ms;
        const { ms } = this.choose(legsFrom[f], legsTo[t], directMs);
        rttMs[f * to.length + t] = Math.max(this.parameters.baseMs + ms, fibreLowerBoundMs(from[f].coordinates, to[t].coordinates));
      }
    }
    return rttMs;
  }

  route(from: Endpoint, to: Endpoint, whatIf: ResolvedWhatIf): Route | null {
    if (this.isRemoved(from, whatIf) || this.isRemoved(to, whatIf)) return null;
    const packed = this.packedCut(whatIf);
    const fromAttachment = this.attach(from, whatIf, 'from');
    const toAttachment = this.attach(to, whatIf, 'to');
    const fromInfo = this.endInfo(from, fromAttachment);
    const toInfo = this.endInfo(to, toAttachment);
    const hubs = this.hubs(whatIf);
    const targets = targetColumns([fromAttachment, toAttachment]);
    const hubRuns: Attachment[] = hubs.map((hub) => ({ nodes: Int32Array.of(hub.index), accessMs: Float64Array.of(0) }));
    const { distancesMs } = packed.runDijkstra(seededRuns([...hubRuns, fromAttachment], targets.nodes));
    const columns = targets.nodes.length;
    const direct = fromInfo.country === toInfo.country ? leastViaAttachment(distancesMs, hubs.length, columns, targets.column, toAttachment) : null;
    const choice = this.choose(
      this.legsToHubs(distancesMs, columns, targets.column, fromAttachment, fromInfo, hubs),
      this.legsToHubs(distancesMs, columns, targets.column, toAttachment, toInfo, hubs),
      direct?.ms ?? Infinity,
    );
    if (!Number.isFinite(choice.ms)) return null;

    let keys: string[];
    if (choice.hub === -1) {
      keys = this.pathTo(packed, fromAttachment, (direct as { node: number }).node);
    } else {
      const hubIndex = hubs[choice.hub].index;
      const outbound = this.pathTo(packed, fromAttachment, hubIndex);
      const inbound = this.pathTo(packed, toAttachment, hubIndex).reverse();
      keys = [...outbound, ...inbound.slice(1)];
    }
    const links = this.linksAlong(keys, whatIf);
    const nodes = this.nodesAlong(keys[0], links);
    const rttMs = Math.max(this.parameters.baseMs + choice.ms, fibreLowerBoundMs(from.coordinates, to.coordinates));
    const gatewayCountries = this.gatewaysCrossed(links);
    const exchangeHub = choice.hub === -1 ? null : hubs[choice.hub].id;
    return {
      network: 'internet',
      rttMs,
      nodes,
      links,
      accessKm: [this.accessKm(from, nodes[0]), this.accessKm(to, nodes[nodes.length - 1])],
      exchangeHub,
      gatewayCountries,
      regionalTransitMs: choice.transitMs,
      explanation: this.explain(nodes, links, exchangeHub, gatewayCountries, choice.transitMs, rttMs),
    };
  }

  protected edgeWeightMs(edge: RoutingEdge): number {
    if (edge.kind === 'transition') return this.parameters.hopMs / 2;
    const stretch = edge.kind === 'submarine' ? this.parameters.submarineStretch : this.parameters.terrestrialStretch;
    return this.fibreMs(edge.lengthKm, stretch) + this.gatewayCrossings(edge) * this.parameters.gatewayMs;
  }

  /** Gateway countries whose border this link crosses: 0, 1 or 2. */
  private gatewayCrossings(edge: RoutingEdge): number {
    if (edge.kind === 'transition' || this.gatewayCountries.size === 0) return 0;
    const fromCountry = this.countryOfNode(edge.from);
    const toCountry = this.countryOfNode(edge.to);
    if (fromCountry === toCountry) return 0;
    return (this.gatewayCountries.has(fromCountry) ? 1 : 0) + (this.gatewayCountries.has(toCountry) ? 1 : 0);
  }

  private countryOfNode(id: string): string {
    return this.topology.nodes[this.topology.nodeIndex.get(id) as number].country;
  }

  private hubs(whatIf: ResolvedWhatIf): Hub[] {
    return this.world.internet.exchangeHubs
      .filter((hub) => !whatIf.removedNodes.has(hub.node))
      .map((hub) => {
        const index = this.topology.nodeIndex.get(hub.node) as number;
        return { index, id: hub.node, macroRegion: macroRegionOf(this.topology.nodes[index].country) as MacroRegion };
      });
  }

  /** An end's country (given, or its nearest backbone node's), macro-region and hub-metro status. */
  private endInfo(endpoint: Endpoint, attachment: Attachment): EndInfo {
    const country = endpoint.country ?? this.topology.nodes[attachment.nodes[0]].country;
    const inHubMetro = this.world.internet.exchangeHubs.some(
      (hub) => greatCircleKm(endpoint.coordinates, this.topology.nodes[this.topology.nodeIndex.get(hub.node) as number].coordinates) <= HUB_METRO_KM,
    );
    return { country, macroRegion: macroRegionOf(country) as MacroRegion, inHubMetro };
  }

  /** Per hub: path ms from the end to it, and the regional transit it pays to meet there. */
  private legsToHubs(
    distancesMs: Float64Array, columns: number, column: ReadonlyMap<number, number>, attachment: Attachment, info: EndInfo, hubs: readonly Hub[],
  ): { pathMs: Float64Array; transitMs: Float64Array } {
    const pathMs = new Float64Array(hubs.length);
    const transitMs = new Float64Array(hubs.length);
    const leaveMs = info.inHubMetro ? 0 : this.parameters.regionalTransitMs[info.macroRegion];
    hubs.forEach((hub, h) => {
      pathMs[h] = leastViaAttachment(distancesMs, h, columns, column, attachment).ms;
      transitMs[h] = hub.macroRegion === info.macroRegion ? 0 : leaveMs;
    });
    return { pathMs, transitMs };
  }

  /** The least of the direct path and every hub meeting; ties keep the direct path, then hub order. */
  private choose(
    fromLegs: { pathMs: Float64Array; transitMs: Float64Array }, toLegs: { pathMs: Float64Array; transitMs: Float64Array }, directMs: number,
  ): PairChoice {
    let best: PairChoice = { ms: directMs, hub: -1, transitMs: 0 };
    for (let h = 0; h < fromLegs.pathMs.length; h++) {
      const transitMs = fromLegs.transitMs[h] + toLegs.transitMs[h];
      const ms = fromLegs.pathMs[h] + toLegs.pathMs[h] + transitMs + this.parameters.peeringMs;
      if (ms < best.ms) best = { ms, hub: h, transitMs };
    }
    return best;
  }

  private gatewaysCrossed(links: readonly RouteLink[]): string[] {
    const crossed = new Set<string>();
    for (const link of links) {
      for (const country of [this.countryOfNode(link.from), this.countryOfNode(link.to)]) {
        if (this.gatewayCountries.has(country) && this.countryOfNode(link.from) !== this.countryOfNode(link.to)) crossed.add(country);
      }
    }
    return [...crossed];
  }

  private explain(
    nodes: readonly string[], links: readonly RouteLink[], exchangeHub: string | null, gatewayCountries: readonly string[], transitMs: number, rttMs: number,
  ): string {
    const cables = [...new Set(links.filter((link) => link.cable !== null).map((link) => link.name))];
    const parts = [
      exchangeHub === null
        ? `Public internet inside one country, from ${nodes[0]} to ${nodes[nodes.length - 1]}`
        : `Public internet from ${nodes[0]} to ${nodes[nodes.length - 1]}, the two ends' networks meeting at the ${exchangeHub} exchange hub`,
    ];
    if (cables.length > 0) parts.push(`over ${cables.join(', ')}`);
    if (gatewayCountries.length > 0) {
      const names = gatewayCountries.map((country) => this.world.internet.gatewayCountries.find((g) => g.country === country)?.name ?? country);
      parts.push(`through ${names.join(' and ')}`);
    }
    if (transitMs > 0) parts.push(`with ${transitMs.toFixed(1)} ms of regional transit for leaving the region to meet`);
    return `${parts.join(', ')}; ${rttMs.toFixed(1)} ms is the modelled median RTT between hosting data centres (no last mile).`;
  }
}

// The provider-backbone model: traffic between two sites stays on the provider's private network,
// one terrestrial system across borders, hopping at each change to or between cable systems.
// Each cable segment in a corridor the provider avoids carries a fitted penalty, so routes (and
// their RTTs) detour the way measured ones do. RTT = base + access + path + access, never below
// the fibre lower bound.

import { fibreLowerBoundMs } from '../geo/great-circle.js';
import type { World } from '../world/world.js';
import type { Endpoint } from './endpoints.js';
import type { PackedGraph } from '../kernel/packed-graph.js';
import { type Ends, leastViaAttachment, LatencyModel, type Route, seededRuns, targetColumns } from './model.js';
import type { BackboneParameters } from './parameters.js';
import type { RoutingEdge } from './routing-graph.js';
import type { ResolvedWhatIf } from './what-if.js';

export class BackboneModel extends LatencyModel {
  readonly network = 'backbone';
  declare readonly parameters: BackboneParameters;

  constructor(world: World, parameters: BackboneParameters) {
    super(world, parameters, 'single');
  }

  protected rttMatrix(packed: PackedGraph, { from, to, fromAttachments, toAttachments }: Ends, whatIf: ResolvedWhatIf): Float64Array {
    const targets = targetColumns(toAttachments);
    const { distancesMs } = packed.runDijkstra(seededRuns(fromAttachments, targets.nodes));
    const columns = targets.nodes.length;
    const rttMs = new Float64Array(from.length * to.length);
    for (let f = 0; f < from.length; f++) {
      for (let t = 0; t < to.length; t++) {
        const removed = this.isRemoved(from[f], whatIf) || this.isRemoved(to[t], whatIf);
        const { ms } = leastViaAttachment(distancesMs, f, columns, targets.column, toAttachments[t]);
        rttMs[f * to.length + t] = removed ? Infinity : Math.max(this.parameters.baseMs + ms, fibreLowerBoundMs(from[f].coordinates, to[t].coordinates));
      }
    }
    return rttMs;
  }

  route(from: Endpoint, to: Endpoint, whatIf: ResolvedWhatIf): Route | null {
    const packed = this.packedCut(whatIf);
    if (this.isRemoved(from, whatIf) || this.isRemoved(to, whatIf)) return null;
    const fromAttachment = this.attach(from, whatIf, 'from');
    const toAttachment = this.attach(to, whatIf, 'to');
    const targets = targetColumns([toAttachment]);
    const { distancesMs } = packed.runDijkstra(seededRuns([fromAttachment], targets.nodes));
    const exit = leastViaAttachment(distancesMs, 0, targets.nodes.length, targets.column, toAttachment);
    if (exit.node === -1 || !Number.isFinite(exit.ms)) return null;
    const keys = this.pathTo(packed, fromAttachment, exit.node);
    const links = this.linksAlong(keys, whatIf);
    const nodes = this.nodesAlong(keys[0], links);
    const rttMs = Math.max(this.parameters.baseMs + exit.ms, fibreLowerBoundMs(from.coordinates, to.coordinates));
    const cables = [...new Set(links.filter((link) => link.cable !== null).map((link) => link.name))];
    return {
      network: 'backbone',
      rttMs,
      nodes,
      links,
      accessKm: [this.accessKm(from, nodes[0]), this.accessKm(to, nodes[nodes.length - 1])],
      exchangeHub: null,
      gatewayCountries: [],
      regionalTransitMs: 0,
      explanation:
        `Provider backbone from ${nodes[0]} to ${nodes[nodes.length - 1]}` +
        (cables.length > 0 ? ` over ${cables.join(', ')}` : ' over terrestrial routes') +
        `; ${rttMs.toFixed(1)} ms is the modelled median site-to-site RTT.`,
    };
  }

  protected edgeWeightMs(edge: RoutingEdge): number {
    if (edge.kind === 'transition') return this.parameters.hopMs / 2;
    if (edge.kind === 'terrestrial') return this.fibreMs(edge.lengthKm, this.parameters.terrestrialStretch);
    let penaltyMs = 0;
    for (const corridor of edge.corridors) penaltyMs += this.parameters.corridorPenaltyMs[corridor as keyof BackboneParameters['corridorPenaltyMs']];
    return this.fibreMs(edge.lengthKm, this.parameters.submarineStretch) + penaltyMs;
  }
}

// The graph the latency models route on. Light passes straight through a cable's landings, but
// changing system (cable to cable, cable to terrestrial network) is an IP hop at a point of
// presence. So each backbone node becomes a hub plus one port per system touching it: links join
// ports of the same system, and a hub-port "transition" edge (half a hop each way) is crossed only
// to enter, leave or change systems. Hubs come first, in backbone node order, so hub index =
// backbone node index. A provider's backbone is one terrestrial system across borders; on the
// public internet each country's long-haul network is its own, and so is each border crossing.

import Graph from 'graphology';
import type { Backbone, BackboneLink } from '../world/records.js';

export interface TransitionEdge {
  readonly kind: 'transition';
  readonly from: string;
  readonly to: string;
  readonly cable: null;
}

export type RoutingEdge = BackboneLink | TransitionEdge;

/** How terrestrial routes group into systems: one provider network, or one network per country. */
export type TerrestrialSystems = 'single' | 'per-country';

/**
 * The system a link belongs to: its cable; for a terrestrial route, the provider's one network,
 * or per country that country's long-haul network (express wavelengths bypass the PoPs between)
 * and, for a cross-border route, the route itself.
 */
function systemOf(link: BackboneLink, countryOf: ReadonlyMap<string, string>, terrestrial: TerrestrialSystems): string {
  if (link.cable !== null) return link.cable;
  if (terrestrial === 'single') return 'terrestrial';
  const country = countryOf.get(link.from);
  return country === countryOf.get(link.to) ? `national:${country}` : link.id;
}

function portKey(node: string, system: string): string {
  return `${node}@${system}`;
}

export function routingGraph(backbone: Backbone, terrestrial: TerrestrialSystems): Graph {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  for (const node of backbone.nodes) graph.addNode(node.id, { node: node.id });
  const port = (node: string, system: string) => {
    const key = portKey(node, system);
    if (!graph.hasNode(key)) {
      graph.addNode(key, { node });
      graph.addEdge(node, key, { kind: 'transition', from: node, to: node, cable: null } satisfies TransitionEdge);
    }
    return key;
  };
  const countryOf = new Map(backbone.nodes.map((node) => [node.id, node.country]));
  for (const link of backbone.links) {
    if (link.from === link.to) continue;
    const system = systemOf(link, countryOf, terrestrial);
    graph.addEdgeWithKey(link.id, port(link.from, system), port(link.to, system), { ...link });
  }
  return graph;
}

// Seeded random graphs for agreement tests: each family stresses one thing the packer or the kernel
// must get right (density, disconnection, zero weights, parallel edges, direction, mixed edges).

import Graph from 'graphology';
import { randomInt, seededRandom, type RandomSource } from '../../src/util/seeded-random.js';

export interface GraphFamily {
  name: string;
  build(seed: number): Graph;
}

function weight(random: RandomSource, zeroShare: number, integer: boolean): number {
  if (random() < zeroShare) return 0;
  return integer ? 1 + randomInt(random, 20) : 0.1 + random() * 50;
}

function randomGraph(
  seed: number,
  { type = 'undirected', nodes, edges, zeroShare = 0, integer = false, multi = false, isolated = 0 }:
  { type?: 'directed' | 'undirected' | 'mixed'; nodes: number; edges: number; zeroShare?: number; integer?: boolean; multi?: boolean; isolated?: number },
): Graph {
  const random = seededRandom(seed);
  const graph = new Graph({ type, multi, allowSelfLoops: true });
  for (let i = 0; i < nodes; i++) graph.addNode(`n${i}`);
  const connected = nodes - isolated;
  for (let e = 0; e < edges; e++) {
    const source = `n${randomInt(random, connected)}`;
    const target = `n${randomInt(random, connected)}`;
    const attributes = { weight: weight(random, zeroShare, integer) };
    if (!multi && (source === target || graph.hasEdge(source, target) || (type !== 'directed' && graph.hasEdge(target, source)))) continue;
    if (type === 'mixed') {
      if (random() < 0.5) graph.addDirectedEdge(source, target, attributes);
      else graph.addUndirectedEdge(source, target, attributes);
    } else {
      graph.addEdge(source, target, attributes);
    }
  }
  return graph;
}

export const GRAPH_FAMILIES: GraphFamily[] = [
  { name: 'sparse undirected', build: (seed) => randomGraph(seed, { nodes: 60 + (seed % 40), edges: 120 }) },
  { name: 'dense undirected', build: (seed) => randomGraph(seed, { nodes: 40, edges: 600 }) },
  { name: 'disconnected', build: (seed) => randomGraph(seed, { nodes: 80, edges: 60, isolated: 10 }) },
  { name: 'zero weights', build: (seed) => randomGraph(seed, { nodes: 50, edges: 150, zeroShare: 0.4, integer: true }) },
  { name: 'parallel edges and self-loops', build: (seed) => randomGraph(seed, { nodes: 30, edges: 200, multi: true }) },
  { name: 'directed', build: (seed) => randomGraph(seed, { type: 'directed', nodes: 70, edges: 250 }) },
  { name: 'directed multigraph', build: (seed) => randomGraph(seed, { type: 'directed', nodes: 40, edges: 300, multi: true }) },
  { name: 'mixed', build: (seed) => randomGraph(seed, { type: 'mixed', nodes: 50, edges: 200 }) },
  { name: 'integer ties', build: (seed) => randomGraph(seed, { nodes: 60, edges: 240, integer: true }) },
];

/** A dense directed graph: almost every ordered pair has an arc. */
export function denseDirectedGraph(seed: number, nodes: number, integer: boolean): Graph {
  return randomGraph(seed, { type: 'directed', nodes, edges: nodes * nodes, integer });
}

// Random geometric graphs: n points uniform in the unit square, joined when closer than r, with
// r chosen for an average degree of about 8 and the Euclidean distance as weight. They look like
// road and backbone networks (planar-ish, local, long shortest paths), unlike Erdos-Renyi graphs.

import Graph from 'graphology';
import { seededRandom } from '../src/util/seeded-random.js';

export interface GeometricGraph {
  readonly graph: Graph;
  readonly nodeCount: number;
  /** Undirected edges as [source, target, weight] triples, for external baselines. */
  readonly edges: { sources: Int32Array; targets: Int32Array; weights: Float64Array };
}

export function randomGeometricGraph(nodeCount: number, averageDegree: number, seed: number): GeometricGraph {
  const random = seededRandom(seed);
  const xs = Float64Array.from({ length: nodeCount }, random);
  const ys = Float64Array.from({ length: nodeCount }, random);
  const radius = Math.sqrt(averageDegree / (Math.PI * nodeCount));
  const cellsPerSide = Math.max(1, Math.floor(1 / radius));
  const cellOf = (x: number, y: number) => Math.min(cellsPerSide - 1, Math.floor(x * cellsPerSide)) * cellsPerSide
    + Math.min(cellsPerSide - 1, Math.floor(y * cellsPerSide));
  const buckets: number[][] = Array.from({ length: cellsPerSide * cellsPerSide }, () => []);
  for (let i = 0; i < nodeCount; i++) buckets[cellOf(xs[i], ys[i])].push(i);

  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const cx = Math.min(cellsPerSide - 1, Math.floor(xs[i] * cellsPerSide));
    const cy = Math.min(cellsPerSide - 1, Math.floor(ys[i] * cellsPerSide));
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= cellsPerSide || y >= cellsPerSide) continue;
        for (const j of buckets[x * cellsPerSide + y]) {
          if (j <= i) continue;
          const distance = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
          if (distance < radius) {
            sources.push(i);
            targets.push(j);
            weights.push(distance * 1000);
          }
        }
      }
    }
  }
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < nodeCount; i++) graph.addNode(String(i));
  for (let e = 0; e < sources.length; e++) graph.addEdge(String(sources[e]), String(targets[e]), { weight: weights[e] });
  return {
    graph,
    nodeCount,
    edges: { sources: Int32Array.from(sources), targets: Int32Array.from(targets), weights: Float64Array.from(weights) },
  };
}

import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, shortestPath } from '../src/index.js';

function chain(weights: number[]): Graph {
  const graph = new Graph({ type: 'undirected' });
  weights.forEach((weight, i) => graph.mergeEdge(`n${i}`, `n${i + 1}`, { weight }));
  return graph;
}

describe('shortest paths at the edges of number range', () => {
  it('refuses weights whose path lengths could overflow, instead of reporting no path', () => {
    const graph = chain([1e308, 1e308, 1]);
    expect(() => shortestPath.path(graph, 'n0', 'n3')).toThrow(InvalidArgumentError);
    expect(() => shortestPath.singleSourceLength(graph, 'n0')).toThrow(/edge attribute "weight" reaches 1\.00e\+308, so a path over 3 edges could sum past the largest number/);
  });

  it('refuses a forced Floyd-Warshall that would round finite lengths to Infinity in f32', () => {
    const graph = chain([1e39, 2]);
    const index = shortestPath.createLatencyIndex(graph);
    try {
      expect(() => index.matrix({ method: 'floyd-warshall' })).toThrow(/options\.method is "floyd-warshall", which adds path lengths in f32/);
      expect(index.matrix({ method: 'auto' }).data[1]).toBe(1e39);
    } finally {
      index.dispose();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createLatencyIndex, shortestPath } from '../src/index.js';
import { expectClose, expectLengthsClose, F32_RELATIVE, F64_RELATIVE } from './asserts.js';
import { graphologyLengths, pathWeight } from './helpers/graphology-reference.js';
import { denseDirectedGraph, GRAPH_FAMILIES } from './helpers/random-graphs.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe.each(GRAPH_FAMILIES)('shortest paths on $name graphs', ({ build }) => {
  it.each(SEEDS)('wasm, its TypeScript twin and graphology-shortest-path agree on weighted lengths (seed %i)', (seed) => {
    const graph = build(seed);
    using wasm = createLatencyIndex(graph);
    using twin = createLatencyIndex(graph, { kernel: 'js' });
    for (const source of graph.nodes().slice(0, 6)) {
      const expected = graphologyLengths(graph, source);
      const fromWasm = wasm.singleSourceLength(source);
      expectLengthsClose(fromWasm, expected, F64_RELATIVE, `wasm from ${source}`);
      // The twin runs the same steps in the same order: bit-identical.
      expect(twin.singleSourceLength(source)).toEqual(fromWasm);
    }
  });

  it.each(SEEDS)('path() returns a path whose weight is the shortest length, or null (seed %i)', (seed) => {
    const graph = build(seed);
    using index = createLatencyIndex(graph);
    const nodes = graph.nodes();
    const source = nodes[seed % nodes.length];
    const lengths = index.singleSourceLength(source);
    for (const target of nodes.slice(0, 20)) {
      const path = index.path(source, target);
      if (lengths[target] === undefined) {
        expect(path, `${source} -> ${target}`).toBeNull();
        continue;
      }
      expect(path?.[0]).toBe(source);
      expect(path?.at(-1)).toBe(target);
      expectClose(pathWeight(graph, path as string[]), lengths[target], F64_RELATIVE, `${source} -> ${target}`);
    }
  });

  it.each(SEEDS)('matrix by Dijkstra and by Floyd-Warshall agree, with wasm and twin (seed %i)', (seed) => {
    const graph = build(seed);
    const nodes = graph.nodes();
    const sources = nodes.filter((_, i) => i % 3 === 0);
    const targets = nodes.filter((_, i) => i % 2 === 1).reverse();
    const byDijkstra = shortestPath.matrix(graph, { sources, targets, method: 'dijkstra' });
    const byTwin = shortestPath.matrix(graph, { sources, targets, method: 'dijkstra', kernel: 'js' });
    expect(byTwin.data).toEqual(byDijkstra.data);
    for (const kernel of ['wasm', 'js'] as const) {
      const byFloydWarshall = shortestPath.matrix(graph, { sources, targets, method: 'floyd-warshall', kernel });
      expect(byFloydWarshall.method).toBe('floyd-warshall');
      for (let i = 0; i < byDijkstra.data.length; i++) {
        expectClose(byFloydWarshall.data[i], byDijkstra.data[i], F32_RELATIVE, `${kernel} cell ${i}`);
      }
    }
    expect(byDijkstra).toMatchObject({ rows: sources.length, cols: targets.length, sources, targets });
  });
});

describe('Floyd-Warshall on dense graphs', () => {
  it.each([[1, 63], [2, 64], [3, 65], [4, 130]])('equals Dijkstra exactly on integer weights (seed %i, %i nodes)', (seed, nodes) => {
    const graph = denseDirectedGraph(seed, nodes, true);
    const byDijkstra = shortestPath.matrix(graph, { method: 'dijkstra' });
    expect(shortestPath.matrix(graph, { method: 'floyd-warshall' }).data).toEqual(byDijkstra.data);
    expect(shortestPath.matrix(graph, { method: 'floyd-warshall', kernel: 'js' }).data).toEqual(byDijkstra.data);
  });

  it('agrees with Dijkstra within f32 rounding on real-valued weights', () => {
    const graph = denseDirectedGraph(9, 150, false);
    const byDijkstra = shortestPath.matrix(graph, { method: 'dijkstra' });
    const byFloydWarshall = shortestPath.matrix(graph, { method: 'floyd-warshall' });
    for (let i = 0; i < byDijkstra.data.length; i++) expectClose(byFloydWarshall.data[i], byDijkstra.data[i], F32_RELATIVE, `cell ${i}`);
  });

  it('is what "auto" picks for a dense all-pairs matrix, and Dijkstra for a few sources on a sparse graph', () => {
    const dense = denseDirectedGraph(5, 200, true);
    expect(shortestPath.matrix(dense).method).toBe('floyd-warshall');
    const sparse = GRAPH_FAMILIES[0].build(1);
    expect(shortestPath.matrix(sparse, { sources: sparse.nodes().slice(0, 2) }).method).toBe('dijkstra');
  });
});

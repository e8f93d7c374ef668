import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { createLatencyIndex, shortestPath } from '../src/index.js';

describe('packing a graphology graph', () => {
  it('keeps the lightest of parallel edges and ignores self-loops', () => {
    const graph = new Graph({ multi: true, type: 'undirected', allowSelfLoops: true });
    graph.import({ nodes: [{ key: 'a' }, { key: 'b' }] });
    graph.addEdge('a', 'b', { weight: 7 });
    graph.addEdge('a', 'b', { weight: 3 });
    graph.addEdge('b', 'a', { weight: 5 });
    graph.addEdge('a', 'a', { weight: 0 });
    expect(shortestPath.singleSourceLength(graph, 'a')).toEqual({ a: 0, b: 3 });
  });

  it('follows arc direction in directed and mixed graphs', () => {
    const graph = new Graph({ type: 'mixed' });
    graph.import({ nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }] });
    graph.addDirectedEdge('a', 'b', { weight: 1 });
    graph.addUndirectedEdge('b', 'c', { weight: 1 });
    expect(shortestPath.singleSourceLength(graph, 'a')).toEqual({ a: 0, b: 1, c: 2 });
    expect(shortestPath.singleSourceLength(graph, 'c')).toEqual({ c: 0, b: 1 });
  });

  it('reads weights as graphology does: attribute name, mapper, null for unit, 1 when missing', () => {
    const graph = new Graph({ type: 'undirected' });
    graph.mergeEdge('a', 'b', { rttMs: 4, weight: 100 });
    graph.mergeEdge('b', 'c', {});
    expect(shortestPath.singleSourceLength(graph, 'a', { getEdgeWeight: 'rttMs' })).toEqual({ a: 0, b: 4, c: 5 });
    expect(shortestPath.singleSourceLength(graph, 'a')).toEqual({ a: 0, b: 100, c: 101 });
    expect(shortestPath.singleSourceLength(graph, 'a', { getEdgeWeight: null })).toEqual({ a: 0, b: 1, c: 2 });
    const mapper = (_edge: string, attributes: Record<string, unknown>) => ((attributes.rttMs as number | undefined) ?? 10) * 2;
    expect(shortestPath.singleSourceLength(graph, 'a', { getEdgeWeight: mapper })).toEqual({ a: 0, b: 8, c: 28 });
  });

  it('accepts numeric node ids as graphology does', () => {
    const graph = new Graph();
    graph.mergeEdge(1, 2, { weight: 2 });
    using index = createLatencyIndex(graph);
    expect(index.path(1, 2)).toEqual(['1', '2']);
    expect(index.matrix({ sources: [2], targets: [1, 2] }).data).toEqual(Float64Array.of(Infinity, 0));
  });

  it('results are JavaScript-owned copies that survive later kernel calls and memory growth', () => {
    const graph = new Graph();
    for (let i = 0; i < 100; i++) graph.mergeEdge(i, i + 1, { weight: 1 });
    using index = createLatencyIndex(graph);
    const first = index.matrix({ sources: [0], targets: [100] });
    const big = new Graph();
    for (let i = 0; i < 50_000; i++) big.mergeEdge(i, i + 1, { weight: 1 });
    using other = createLatencyIndex(big);
    other.matrix({ sources: [0, 1, 2] });
    expect(first.data[0]).toBe(100);
    expect(first.data.buffer).not.toBe(index.matrix({ sources: [0], targets: [100] }).data.buffer);
  });
});

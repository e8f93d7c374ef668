import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  CapacityError, createLatencyIndex, DisposedError, EmptyGraphError, GeosloError, InvalidArgumentError,
  NodeNotFoundError, shortestPath,
} from '../src/index.js';
import { kernel } from '../src/kernel/wasm.js';

function triangle(): Graph {
  const graph = new Graph({ type: 'undirected' });
  graph.mergeEdge('a', 'b', { weight: 1 });
  graph.mergeEdge('b', 'c', { weight: 2 });
  graph.mergeEdge('a', 'c', { weight: 5 });
  return graph;
}

function pathGraph(nodes: number): Graph {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < nodes; i++) graph.addNode(i);
  for (let i = 1; i < nodes; i++) graph.addEdge(i - 1, i, { weight: 1 });
  return graph;
}

describe('bad edge weights are rejected with the edge, the field and the fix', () => {
  it.each([
    ['negative', -1, /edge attribute "weight" is -1 on edge .* \(a -> b\); weights must be finite numbers >= 0/],
    ['NaN', Number.NaN, /is NaN on edge/],
    ['infinite', Number.POSITIVE_INFINITY, /is Infinity on edge/],
    ['a string', '3', /is "3" on edge/],
  ])('a %s weight', (_label, weight, message) => {
    const graph = triangle();
    graph.setEdgeAttribute('a', 'b', 'weight', weight);
    expect(() => createLatencyIndex(graph)).toThrow(InvalidArgumentError);
    expect(() => createLatencyIndex(graph)).toThrow(message);
    expect(() => shortestPath.singleSourceLength(graph, 'a')).toThrow(/^geoslo\/shortestPath\.singleSourceLength: /);
  });

  it('names options.getEdgeWeight when a mapper returns a bad weight', () => {
    expect(() => createLatencyIndex(triangle(), { getEdgeWeight: () => -2 })).toThrow(
      /geoslo\/createLatencyIndex: options\.getEdgeWeight is -2 on edge/,
    );
  });

  it('rejects a getEdgeWeight that is neither a name, a function nor null', () => {
    expect(() => createLatencyIndex(triangle(), { getEdgeWeight: 3 as never })).toThrow(
      /options\.getEdgeWeight must be an attribute name, a function .* or null for unit weights; got 3/,
    );
  });

  it('rejects an unknown kernel name', () => {
    expect(() => createLatencyIndex(triangle(), { kernel: 'gpu' as never })).toThrow(/options\.kernel must be "wasm" or "js"; got "gpu"/);
  });
});

describe('unknown ids, empty graphs and non-graphs', () => {
  it('names the field holding an unknown node and keeps answering afterwards', () => {
    using index = createLatencyIndex(triangle());
    expect(() => index.singleSourceLength('x')).toThrow(NodeNotFoundError);
    expect(() => index.path('a', 'x')).toThrow(/LatencyIndex\.path: target is "x", which is not a node of the graph/);
    expect(() => index.matrix({ sources: ['a', 'zz'] })).toThrow(/options\.sources\[1\] is "zz"/);
    expect(() => index.matrix({ targets: 'a' as never })).toThrow(/options\.targets must be an array of node ids/);
    expect(() => index.matrix({ method: 'bellman-ford' as never })).toThrow(/options\.method must be one of/);
    expect(index.singleSourceLength('a')).toEqual({ a: 0, b: 1, c: 3 });
  });

  it('rejects an empty graph', () => {
    expect(() => createLatencyIndex(new Graph())).toThrow(EmptyGraphError);
    expect(() => shortestPath.matrix(new Graph())).toThrow(/shortestPath\.matrix: the graph has no nodes/);
  });

  it('rejects something that is not a graphology graph', () => {
    expect(() => shortestPath.path({} as never, 'a', 'b')).toThrow(/graph must be a graphology Graph/);
    expect(() => createLatencyIndex(null as never)).toThrow(InvalidArgumentError);
  });

  it('rejects options that are not an object', () => {
    expect(() => shortestPath.matrix(triangle(), 'fast' as never)).toThrow(/shortestPath\.matrix: options must be an object/);
  });

  it('every error is a GeosloError that names the function', () => {
    try {
      shortestPath.path(triangle(), 'a', 'q');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GeosloError);
      expect(error).toMatchObject({ functionName: 'shortestPath.path', field: 'target', node: 'q' });
    }
  });
});

describe('the function the caller called names the error, however deep it arose', () => {
  function thrownBy(call: () => unknown): NodeNotFoundError {
    try {
      call();
    } catch (error) {
      return error as NodeNotFoundError;
    }
    return expect.unreachable();
  }

  it('a node missing deep inside shortestPath.path names shortestPath.path, not the index method it used', () => {
    const error = thrownBy(() => shortestPath.path(triangle(), 'a', 'q'));
    expect(error.functionName).toBe('shortestPath.path');
    expect(error.message).toBe('geoslo/shortestPath.path: target is "q", which is not a node of the graph; pass one of graph.nodes().');
    expect(error.detail).toBe('target is "q", which is not a node of the graph; pass one of graph.nodes().');
  });

  it('the same failure through LatencyIndex.path names LatencyIndex.path', () => {
    using index = createLatencyIndex(triangle());
    const error = thrownBy(() => index.path('a', 'q'));
    expect(error.functionName).toBe('LatencyIndex.path');
    expect(error.message.startsWith('geoslo/LatencyIndex.path: target is "q"')).toBe(true);
  });

  it('the stack trace is headed by the named message', () => {
    const error = thrownBy(() => shortestPath.path(triangle(), 'a', 'q'));
    expect(error.stack?.startsWith(`NodeNotFoundError: geoslo/shortestPath.path: target is "q"`)).toBe(true);
  });

  it('the error keeps its class', () => {
    const error = thrownBy(() => shortestPath.path(triangle(), 'a', 'q'));
    for (const errorClass of [NodeNotFoundError, InvalidArgumentError, GeosloError, Error]) expect(error).toBeInstanceOf(errorClass);
    expect(error.name).toBe('NodeNotFoundError');
    expect(error).toMatchObject({ field: 'target', node: 'q' });
  });
});

describe('requests larger than WebAssembly memory', () => {
  it('a graph too large to pack is refused before anything is allocated', () => {
    // A real graph that reports 300 million nodes and 400 million arcs: nothing may be built from it.
    const sizes: Record<string, number> = { order: 300_000_000, directedSize: 400_000_000 };
    const hugeGraph = new Proxy(new Graph(), {
      get: (target, property, receiver) => (property in sizes ? sizes[property as string] : Reflect.get(target, property, receiver)),
    });
    const before = kernel().heapBytesInUse();
    const attempt = () => createLatencyIndex(hugeGraph);
    expect(attempt).toThrow(CapacityError);
    expect(attempt).toThrow(/createLatencyIndex: graph needs 5\.59 GiB of WebAssembly memory but only .* can be had/);
    expect(kernel().heapBytesInUse()).toBe(before);
  });

  it('a Floyd-Warshall matrix too large is refused with the size asked and the limit, and the index still answers', () => {
    using index = createLatencyIndex(pathGraph(40_000));
    const before = kernel().heapBytesInUse();
    try {
      index.matrix({ sources: [0], targets: [1], method: 'floyd-warshall' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CapacityError);
      expect((error as CapacityError).requestedBytes).toBe(40_000 * 40_000 * 4);
      expect((error as CapacityError).limitBytes).toBeLessThan(2 ** 32);
      expect((error as Error).message).toMatch(/the distance matrix needs 5\.96 GiB .*use method: "dijkstra"/);
    }
    expect(kernel().heapBytesInUse()).toBe(before);
    expect(index.matrix({ sources: [0], targets: [39_999] }).data[0]).toBe(39_999);
  });

  it('a result matrix larger than any Float64Array is refused before it is made', () => {
    using index = createLatencyIndex(pathGraph(70_000));
    expect(() => index.matrix()).toThrow(/70000 x 70000 = 4900000000 cells, more than one Float64Array holds/);
  });
});

describe('dispose', () => {
  it('is idempotent, and any use afterwards throws DisposedError', () => {
    const index = createLatencyIndex(triangle());
    index.dispose();
    index.dispose();
    expect(() => index.singleSourceLength('a')).toThrow(DisposedError);
    expect(() => index.matrix()).toThrow(/LatencyIndex\.matrix: this latency index was disposed/);
    expect(() => index.packedBytes).toThrow(DisposedError);
  });

  it('works with `using`', () => {
    let escaped: ReturnType<typeof createLatencyIndex> | undefined;
    {
      using index = createLatencyIndex(triangle());
      escaped = index;
      expect(index.path('a', 'c')).toEqual(['a', 'b', 'c']);
    }
    expect(() => escaped?.path('a', 'c')).toThrow(DisposedError);
  });
});

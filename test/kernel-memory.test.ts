import { describe, expect, it } from 'vitest';
import { createLatencyIndex } from '../src/index.js';
import { kernel } from '../src/kernel/wasm.js';
import { csrBytes } from '../src/kernel/csr.js';
import { GRAPH_FAMILIES } from './helpers/random-graphs.js';

describe('kernel memory', () => {
  it('1,000 create/query/dispose cycles of an index leave wasm memory flat after warm-up', () => {
    const graph = GRAPH_FAMILIES[0].build(11);
    const cycle = () => {
      using index = createLatencyIndex(graph);
      index.matrix({ sources: graph.nodes().slice(0, 5) });
      index.path(graph.nodes()[0], graph.nodes()[1]);
    };
    for (let i = 0; i < 20; i++) cycle();
    const memoryBytes = kernel().memory.buffer.byteLength;
    const inUse = kernel().heapBytesInUse();
    const spanned = kernel().heapBytesSpanned();
    for (let i = 0; i < 1000; i++) cycle();
    expect(kernel().memory.buffer.byteLength).toBe(memoryBytes);
    expect(kernel().heapBytesInUse()).toBe(inUse);
    expect(kernel().heapBytesSpanned()).toBeLessThanOrEqual(spanned);
  });

  it('a packed graph holds its CSR bytes plus block headers, and frees them on dispose', () => {
    const graph = GRAPH_FAMILIES[1].build(3);
    const before = kernel().heapBytesInUse();
    const index = createLatencyIndex(graph);
    const arcs = 2 * graph.size;
    const raw = csrBytes(graph.order, arcs);
    expect(kernel().heapBytesInUse() - before).toBe(index.packedBytes);
    expect(index.packedBytes).toBeGreaterThanOrEqual(raw);
    expect(index.packedBytes).toBeLessThan(raw + 3 * 64);
    index.dispose();
    expect(kernel().heapBytesInUse()).toBe(before);
  });

  it('interleaved indexes free in any order without losing or corrupting memory', () => {
    const graphs = GRAPH_FAMILIES.slice(0, 4).map((family) => family.build(21));
    const before = kernel().heapBytesInUse();
    const expected = graphs.map((graph) => {
      using index = createLatencyIndex(graph, { kernel: 'js' });
      return index.singleSourceLength(graph.nodes()[0]);
    });
    const indexes = graphs.map((graph) => createLatencyIndex(graph));
    indexes[1].dispose();
    indexes[3].dispose();
    const extra = createLatencyIndex(graphs[2]);
    expect(indexes[0].singleSourceLength(graphs[0].nodes()[0])).toEqual(expected[0]);
    expect(indexes[2].singleSourceLength(graphs[2].nodes()[0])).toEqual(expected[2]);
    expect(extra.singleSourceLength(graphs[2].nodes()[0])).toEqual(expected[2]);
    for (const index of [indexes[0], indexes[2], extra]) index.dispose();
    expect(kernel().heapBytesInUse()).toBe(before);
  });
});

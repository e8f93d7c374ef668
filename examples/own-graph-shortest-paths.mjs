// Shortest paths over your own graphology graph with geoslo's WebAssembly kernel.
// Run after `npm install`: node examples/own-graph-shortest-paths.mjs

import Graph from 'graphology';
import { createLatencyIndex, init, shortestPath } from 'geoslo';

await init();

// A few metros joined by links weighted with round-trip milliseconds.
const graph = new Graph({ type: 'undirected' });
const links = [
  ['Singapore', 'Hong Kong', 33],
  ['Hong Kong', 'Tokyo', 48],
  ['Tokyo', 'Los Angeles', 100],
  ['Singapore', 'Mumbai', 56],
  ['Mumbai', 'Marseille', 105],
  ['Marseille', 'Frankfurt', 13],
  ['Frankfurt', 'Ashburn', 85],
  ['Ashburn', 'Los Angeles', 60],
  ['Ashburn', 'Sao Paulo', 115],
];
for (const [a, b, rttMs] of links) graph.mergeEdge(a, b, { rttMs });

console.log('From Singapore:', shortestPath.singleSourceLength(graph, 'Singapore', { getEdgeWeight: 'rttMs' }));
console.log('Route to Sao Paulo:', shortestPath.path(graph, 'Singapore', 'Sao Paulo', { getEdgeWeight: 'rttMs' }).join(' -> '));

// Pack once, query many times, then free the kernel memory (TypeScript 5.2+ can write `using index = ...`).
const index = createLatencyIndex(graph, { getEdgeWeight: 'rttMs' });
try {
  const sources = ['Singapore', 'Frankfurt'];
  const matrix = index.matrix({ sources, targets: ['Tokyo', 'Sao Paulo', 'Mumbai'] });
  for (let r = 0; r < matrix.rows; r++) {
    const cells = matrix.targets.map((target, c) => `${target} ${matrix.data[r * matrix.cols + c]} ms`);
    console.log(`${matrix.sources[r]}: ${cells.join(', ')}`);
  }
} finally {
  index.dispose();
}

// Multi-source Dijkstra on random geometric graphs: all-target lengths from 64 sources with the
// wasm kernel, its TypeScript twin, graphology-shortest-path and (where installed) igraph's C
// `distances`. Packing is timed apart from queries, and the packed graph's memory is reported.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dijkstra } from 'graphology-shortest-path';
import { createLatencyIndex } from '../../src/index.js';
import { csrBytes } from '../../src/kernel/csr.js';
import { randomInt, seededRandom } from '../../src/util/seeded-random.js';
import { measure, medianMs } from '../measure.js';
import { projectFile } from '../project-files.js';
import { randomGeometricGraph } from '../random-geometric-graph.js';

export interface ShortestPathRow {
  nodes: number;
  edges: number;
  sources: number;
  packMs: number;
  wasmMs: number;
  twinMs: number;
  graphologyMsPerSource: number;
  graphologySourcesTimed: number;
  igraphMs: number | null;
  packedBytes: number;
  rawCsrBytes: number;
  wasmMemoryGrowthBytes: number;
}

const SOURCES = 64;
const PYTHON = '/usr/bin/python3';

export function igraphAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import igraph'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function igraphMedianMs(nodes: number, edges: { sources: Int32Array; targets: Int32Array; weights: Float64Array }, sources: number[], repeats: number): { ms: number; lastCell: number } {
  const folder = mkdtempSync(join(tmpdir(), 'geoslo-igraph-'));
  try {
    const header = Int32Array.of(nodes, edges.sources.length, sources.length);
    const file = join(folder, 'graph.bin');
    writeFileSync(file, Buffer.concat([header, edges.sources, edges.targets, edges.weights, Int32Array.from(sources)].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
    const script = projectFile('bench/igraph-distances.py');
    const output = JSON.parse(execFileSync(PYTHON, [script, file, String(repeats)], { encoding: 'utf8', maxBuffer: 1 << 26 })) as { medianSeconds: number; lastCell: number };
    return { ms: output.medianSeconds * 1000, lastCell: output.lastCell };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function shortestPathSuite(quick: boolean, kernelMemory: () => number, log: (line: string) => void): Promise<ShortestPathRow[]> {
  const rows: ShortestPathRow[] = [];
  const withIgraph = igraphAvailable();
  if (!withIgraph) log('  igraph: python3-igraph is not installed (apt-get install python3-igraph); its column is skipped.');
  // A quick run stops at 10,000 nodes: building and timing 100,000 takes most of a minute.
  for (const nodes of quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
    const { graph, edges } = randomGeometricGraph(nodes, 8, nodes);
    const random = seededRandom(7);
    const sources = Array.from({ length: SOURCES }, () => randomInt(random, nodes));
    const sourceKeys = sources.map(String);
    const queryIterations = quick ? (nodes >= 100_000 ? 3 : 5) : (nodes >= 100_000 ? 7 : 15);
    const graphologySources = nodes <= 1_000 ? SOURCES : quick ? 2 : 8;
    log(`  ${nodes} nodes, ${edges.sources.length} edges: timing...`);

    const memoryBefore = kernelMemory();
    const index = createLatencyIndex(graph);
    const wasmMemoryGrowthBytes = kernelMemory() - memoryBefore;
    const twin = createLatencyIndex(graph, { kernel: 'js' });
    const check = index.matrix({ sources: sourceKeys, method: 'dijkstra' });
    const twinCheck = twin.matrix({ sources: sourceKeys, method: 'dijkstra' });
    if (twinCheck.data.some((value, i) => value !== check.data[i])) throw new Error('wasm and twin disagree');

    const timings = await measure(`dijkstra ${nodes}`, [
      { name: 'pack', run: () => createLatencyIndex(graph).dispose(), iterations: queryIterations },
      { name: 'wasm', run: () => index.matrix({ sources: sourceKeys, method: 'dijkstra' }), iterations: queryIterations },
      { name: 'twin', run: () => twin.matrix({ sources: sourceKeys, method: 'dijkstra' }), iterations: queryIterations },
      {
        name: 'graphology',
        run: () => {
          for (let s = 0; s < graphologySources; s++) dijkstra.singleSource(graph, sourceKeys[s]);
        },
        iterations: nodes <= 1_000 ? 3 : 1,
        warmupIterations: nodes <= 1_000 ? 1 : 0,
      },
    ]);
    let igraphMs: number | null = null;
    if (withIgraph) {
      const igraph = igraphMedianMs(nodes, edges, sources, queryIterations);
      const ours = check.data[check.data.length - 1];
      if (Math.abs(igraph.lastCell - ours) > 1e-6 * Math.max(1, ours)) throw new Error(`igraph disagrees: ${igraph.lastCell} vs ${ours}`);
      igraphMs = igraph.ms;
    }
    rows.push({
      nodes,
      edges: edges.sources.length,
      sources: SOURCES,
      packMs: medianMs(timings, 'pack'),
      wasmMs: medianMs(timings, 'wasm'),
      twinMs: medianMs(timings, 'twin'),
      graphologyMsPerSource: medianMs(timings, 'graphology') / graphologySources,
      graphologySourcesTimed: graphologySources,
      igraphMs,
      packedBytes: index.packedBytes,
      rawCsrBytes: csrBytes(nodes, 2 * edges.sources.length),
      wasmMemoryGrowthBytes,
    });
    index.dispose();
    twin.dispose();
  }
  return rows;
}

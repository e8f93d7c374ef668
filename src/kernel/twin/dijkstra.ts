// TypeScript twin of assembly/dijkstra.ts, step for step: the reference in tests and the baseline
// in benchmarks. Same seeds, same early exit, same tie-breaking, so results match bit for bit.

import type { CsrGraph, DijkstraRunsRequest, DijkstraRunsResult } from '../csr.js';
import { SETTLED, UNSEEN, siftDown, siftUp } from './indexed-heap.js';

export function dijkstraRunsTwin(graph: CsrGraph, request: DijkstraRunsRequest): DijkstraRunsResult {
  const { nodeCount: n, offsets, neighbours, weightsMs } = graph;
  const { runStarts, seedNodes, seedDistancesMs, targetNodes, withPredecessors } = request;
  const runCount = runStarts.length - 1;
  const allTargets = targetNodes === null;
  const columns = allTargets ? n : targetNodes.length;
  const out = new Float64Array(runCount * columns);
  const predecessors = withPredecessors ? new Int32Array(runCount * n).fill(-1) : null;
  if (columns === 0) return { distancesMs: out, predecessors };
  const position = new Int32Array(n).fill(UNSEEN);
  const heapNodes = new Int32Array(n);
  const heapKeys = new Float64Array(n);
  const touched = new Int32Array(n);
  const distance = new Float64Array(n).fill(Infinity);
  const targetFlags = new Uint8Array(allTargets ? 0 : n);
  let distinctTargets = 0;
  if (!allTargets) {
    for (const target of targetNodes) {
      if (targetFlags[target] === 0) {
        targetFlags[target] = 1;
        distinctTargets++;
      }
    }
  }

  for (let run = 0; run < runCount; run++) {
    const predecessorBase = run * n;
    let heapSize = 0;
    let touchedCount = 0;
    for (let s = runStarts[run]; s < runStarts[run + 1]; s++) {
      const node = seedNodes[s];
      const seedDistance = seedDistancesMs[s];
      const slot = position[node];
      if (slot === UNSEEN) {
        distance[node] = seedDistance;
        touched[touchedCount++] = node;
        siftUp(heapNodes, heapKeys, position, heapSize++, node, seedDistance);
      } else if (seedDistance < distance[node]) {
        distance[node] = seedDistance;
        siftUp(heapNodes, heapKeys, position, slot, node, seedDistance);
      }
    }

    let remainingTargets = distinctTargets;
    while (heapSize > 0) {
      const u = heapNodes[0];
      const du = heapKeys[0];
      heapSize--;
      if (heapSize > 0) siftDown(heapNodes, heapKeys, position, 0, heapSize, heapNodes[heapSize], heapKeys[heapSize]);
      position[u] = SETTLED;
      if (!allTargets && targetFlags[u] !== 0 && --remainingTargets === 0) break;
      const edgeEnd = offsets[u + 1];
      for (let e = offsets[u]; e < edgeEnd; e++) {
        const v = neighbours[e];
        const slot = position[v];
        if (slot === SETTLED) continue;
        const candidate = du + weightsMs[e];
        if (slot === UNSEEN) {
          touched[touchedCount++] = v;
          siftUp(heapNodes, heapKeys, position, heapSize++, v, candidate);
        } else if (candidate < distance[v]) {
          siftUp(heapNodes, heapKeys, position, slot, v, candidate);
        } else {
          continue;
        }
        distance[v] = candidate;
        if (predecessors) predecessors[predecessorBase + v] = u;
      }
    }

    const rowBase = run * columns;
    if (allTargets) {
      out.set(distance, rowBase);
    } else {
      for (let j = 0; j < columns; j++) out[rowBase + j] = distance[targetNodes[j]];
    }
    for (let t = 0; t < touchedCount; t++) {
      const node = touched[t];
      position[node] = UNSEEN;
      distance[node] = Infinity;
    }
  }
  return { distancesMs: out, predecessors };
}

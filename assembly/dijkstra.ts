// Dijkstra over a CSR graph (offsets i32[n+1], neighbours i32[m], weights f64[m]), run once per
// "run": each run starts from a group of seed nodes with initial distances (one seed at 0 is the
// single-source case; several seeds with access costs attach a point to the graph). A run stops
// as soon as every requested target is settled.

import { allocate, release } from "./allocator";
import { SETTLED, UNSEEN, siftDown, siftUp } from "./heap";

export const OK: i32 = 0;
export const OUT_OF_MEMORY: i32 = -1;

/**
 * For each run r, seeds are seedNodes/seedDistances[runStarts[r] .. runStarts[r+1]).
 * With targetCount > 0, writes out[r * targetCount + j] = distance to targetNodes[j];
 * with targetCount == 0, writes all n distances per row. Unreachable: +Infinity.
 * With predecessors != 0, writes predecessors[r * n + v] = previous node on a shortest path (-1 at
 * seeds and unreached nodes).
 */
export function dijkstraRuns(
  offsets: usize, neighbours: usize, weights: usize, nodeCount: i32,
  runStarts: usize, seedNodes: usize, seedDistances: usize, runCount: i32,
  targetNodes: usize, targetCount: i32,
  out: usize, predecessors: usize,
): i32 {
  const n = <usize>nodeCount;
  const allTargets = targetCount == 0;
  const position = allocate(n << 2);
  const heapNodes = allocate(n << 2);
  const heapKeys = allocate(n << 3);
  const touched = allocate(n << 2);
  const scratchDistance = allTargets ? <usize>0 : allocate(n << 3);
  const targetFlags = allTargets ? <usize>0 : allocate(n);
  if (position == 0 || heapNodes == 0 || heapKeys == 0 || touched == 0
    || (!allTargets && (scratchDistance == 0 || targetFlags == 0))) {
    release(targetFlags); release(scratchDistance); release(touched);
    release(heapKeys); release(heapNodes); release(position);
    return OUT_OF_MEMORY;
  }
  for (let v: usize = 0; v < n; v++) store<i32>(position + (v << 2), UNSEEN);
  let distinctTargets = 0;
  if (!allTargets) {
    fillInfinity(scratchDistance, n);
    memory.fill(targetFlags, 0, n);
    for (let j = 0; j < targetCount; j++) {
      const target = <usize>load<i32>(targetNodes + (<usize>j << 2));
      if (load<u8>(targetFlags + target) == 0) {
        store<u8>(targetFlags + target, 1);
        distinctTargets++;
      }
    }
  }

  for (let run = 0; run < runCount; run++) {
    const distance = allTargets ? out + ((<usize>run * n) << 3) : scratchDistance;
    if (allTargets) fillInfinity(distance, n);
    const predecessor = predecessors == 0 ? <usize>0 : predecessors + ((<usize>run * n) << 2);
    if (predecessor != 0) memory.fill(predecessor, 0xff, n << 2);

    let heapSize = 0;
    let touchedCount = 0;
    const seedEnd = load<i32>(runStarts + (<usize>(run + 1) << 2));
    for (let s = load<i32>(runStarts + (<usize>run << 2)); s < seedEnd; s++) {
      const node = load<i32>(seedNodes + (<usize>s << 2));
      const seedDistance = load<f64>(seedDistances + (<usize>s << 3));
      const distanceSlot = distance + (<usize>node << 3);
      const slot = load<i32>(position + (<usize>node << 2));
      if (slot == UNSEEN) {
        store<f64>(distanceSlot, seedDistance);
        store<i32>(touched + (<usize>(touchedCount++) << 2), node);
        siftUp(heapNodes, heapKeys, position, heapSize++, node, seedDistance);
      } else if (seedDistance < load<f64>(distanceSlot)) {
        store<f64>(distanceSlot, seedDistance);
        siftUp(heapNodes, heapKeys, position, slot, node, seedDistance);
      }
    }

    let remainingTargets = distinctTargets;
    while (heapSize > 0) {
      const u = load<i32>(heapNodes);
      const du = load<f64>(heapKeys);
      heapSize--;
      if (heapSize > 0) {
        siftDown(heapNodes, heapKeys, position, 0, heapSize,
          load<i32>(heapNodes + (<usize>heapSize << 2)), load<f64>(heapKeys + (<usize>heapSize << 3)));
      }
      store<i32>(position + (<usize>u << 2), SETTLED);
      if (!allTargets && load<u8>(targetFlags + <usize>u) != 0) {
        if (--remainingTargets == 0) break;
      }
      const edgeEnd = load<i32>(offsets + (<usize>(u + 1) << 2));
      for (let e = load<i32>(offsets + (<usize>u << 2)); e < edgeEnd; e++) {
        const v = load<i32>(neighbours + (<usize>e << 2));
        const slot = load<i32>(position + (<usize>v << 2));
        if (slot == SETTLED) continue;
        const candidate = du + load<f64>(weights + (<usize>e << 3));
        const distanceSlot = distance + (<usize>v << 3);
        if (slot == UNSEEN) {
          store<i32>(touched + (<usize>(touchedCount++) << 2), v);
          siftUp(heapNodes, heapKeys, position, heapSize++, v, candidate);
        } else if (candidate < load<f64>(distanceSlot)) {
          siftUp(heapNodes, heapKeys, position, slot, v, candidate);
        } else {
          continue;
        }
        store<f64>(distanceSlot, candidate);
        if (predecessor != 0) store<i32>(predecessor + (<usize>v << 2), u);
      }
    }

    if (!allTargets) {
      const row = out + ((<usize>run * <usize>targetCount) << 3);
      for (let j = 0; j < targetCount; j++) {
        const target = <usize>load<i32>(targetNodes + (<usize>j << 2));
        store<f64>(row + (<usize>j << 3), load<f64>(distance + (target << 3)));
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const node = <usize>load<i32>(touched + (<usize>t << 2));
      store<i32>(position + (node << 2), UNSEEN);
      if (!allTargets) store<f64>(distance + (node << 3), Infinity);
    }
  }

  release(targetFlags); release(scratchDistance); release(touched);
  release(heapKeys); release(heapNodes); release(position);
  return OK;
}

function fillInfinity(pointer: usize, count: usize): void {
  for (let i: usize = 0; i < count; i++) store<f64>(pointer + (i << 3), Infinity);
}

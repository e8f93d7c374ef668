// The kernel's exports: numbers and pointers into linear memory only. The TypeScript side
// (src/kernel/) owns every allocation and copies results out before returning to the caller.

export { allocate, release, heapBytesInUse, heapBytesSpanned } from "./allocator";
export { dijkstraRuns } from "./dijkstra";
export { FLOYD_WARSHALL_BLOCK, floydWarshallSimd, floydWarshallScalar } from "./floyd-warshall";
export { nearestOfSet } from "./nearest";
export { pMedianCost, pMedianGreedy, pMedianInterchange, pMedianSubgradient } from "./placement/p-median";
export { coverGreedy, coverSubgradient, coverSubgradientDense } from "./placement/cover";
export { coverageGreedy, coverageSubgradient, coverageSwap, coverageTabu } from "./placement/coverage";
export { coverDecision } from "./placement/cover-decision";

// The "nearest of a set" reduction through the kernel (or its twin with kernel 'js'); placement
// evaluates every candidate solution with it.

import type { KernelName } from './packed-graph.js';
import { allocateBlocks, copyIn, copyOutFloat64, copyOutInt32, releaseBlocks } from './memory.js';
import { type NearestOfSet, nearestOfSetTwin } from './twin/nearest-of-set.js';
import { kernel } from './wasm.js';

export type { NearestOfSet };

/** `candidateMajor` holds column c's rowCount values at [c * rowCount, (c + 1) * rowCount). */
export function nearestOfSet(
  candidateMajor: Float64Array, rowCount: number, setColumns: Int32Array, kernelName: KernelName,
): NearestOfSet {
  if (kernelName === 'js') return nearestOfSetTwin(candidateMajor, rowCount, setColumns);
  const blocks = allocateBlocks(
    'the latency matrix',
    [candidateMajor.byteLength, setColumns.byteLength, rowCount * 8, rowCount * 4],
    'split the demands into smaller groups.',
  );
  try {
    const [matrixPointer, setPointer, valuePointer, columnPointer] = blocks;
    copyIn(matrixPointer, candidateMajor);
    copyIn(setPointer, setColumns);
    kernel().nearestOfSet(matrixPointer, rowCount, setPointer, setColumns.length, valuePointer, columnPointer);
    const valueMs = new Float64Array(rowCount);
    const column = new Int32Array(rowCount);
    copyOutFloat64(valuePointer, rowCount, valueMs);
    copyOutInt32(columnPointer, rowCount, column);
    return { valueMs, column };
  } finally {
    releaseBlocks(blocks);
  }
}

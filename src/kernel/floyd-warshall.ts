// All-pairs shortest paths on a dense f32 matrix through the kernel: padded to the kernel's block
// size with isolated nodes, copied in, solved in place, copied out. 'js' runs the TypeScript twin.

import { allocateBlocks, copyIn, copyOutFloat32, releaseBlocks } from './memory.js';
import { floydWarshallTwin } from './twin/floyd-warshall.js';
import { kernel } from './wasm.js';

export type FloydWarshallKernel = 'wasm-simd' | 'wasm-scalar' | 'js';

/** The side the kernel pads a matrix of `size` nodes to. */
export function floydWarshallPaddedSize(size: number): number {
  const block = kernel().FLOYD_WARSHALL_BLOCK.value as number;
  return Math.ceil(size / block) * block;
}

/** Bytes of kernel memory Floyd-Warshall needs for `size` nodes. */
export function floydWarshallBytes(size: number): number {
  const padded = floydWarshallPaddedSize(size);
  return padded * padded * Float32Array.BYTES_PER_ELEMENT;
}

/**
 * Replaces `matrix` (row-major size x size, +Infinity for no arc, 0 on the diagonal) with its
 * shortest-path lengths.
 */
export function floydWarshall(matrix: Float32Array, size: number, kernelName: FloydWarshallKernel): void {
  if (kernelName === 'js') {
    floydWarshallTwin(matrix, size);
    return;
  }
  const padded = floydWarshallPaddedSize(size);
  const [pointer] = allocateBlocks(
    'the distance matrix', [padded * padded * 4],
    'use method: "dijkstra", which needs memory only for its output rows.',
  );
  try {
    const staged = padded === size ? matrix : padMatrix(matrix, size, padded);
    copyIn(pointer, staged);
    const instance = kernel();
    if (kernelName === 'wasm-simd') instance.floydWarshallSimd(pointer, padded);
    else instance.floydWarshallScalar(pointer, padded);
    if (padded === size) {
      copyOutFloat32(pointer, size * size, matrix);
    } else {
      const solved = new Float32Array(padded * padded);
      copyOutFloat32(pointer, padded * padded, solved);
      for (let i = 0; i < size; i++) matrix.set(solved.subarray(i * padded, i * padded + size), i * size);
    }
  } finally {
    releaseBlocks([pointer]);
  }
}

function padMatrix(matrix: Float32Array, size: number, padded: number): Float32Array {
  const staged = new Float32Array(padded * padded).fill(Infinity);
  for (let i = 0; i < size; i++) staged.set(matrix.subarray(i * size, (i + 1) * size), i * padded);
  for (let i = size; i < padded; i++) staged[i * padded + i] = 0;
  return staged;
}
